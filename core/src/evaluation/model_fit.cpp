// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/evaluation/model_fit.h>

#include <cstddef>
#include <vector>

namespace semrel {

namespace {

std::string columns(std::int64_t found, std::int64_t expected)
{
    return "has " + std::to_string(found) + " columns, the model expects " +
           std::to_string(expected);
}

// The first problem of `data` as seen by `model`: "'<field>' <what>", or nothing.
std::optional<std::string> firstProblem(const ModelState& model, const Dataset& data)
{
    if (data.featureDim() != model.featureDim)
        return "'/features' " + columns(data.featureDim(), model.featureDim);
    if (data.embeddingDim() != model.embeddingDim)
        return "'/classes/embeddings' " + columns(data.embeddingDim(), model.embeddingDim);
    if (data.classNames.size() != model.classNames.size())
        return "'/classes/names' has " + std::to_string(data.classNames.size()) +
               " classes, the model knows " + std::to_string(model.classNames.size());
    for (std::size_t c = 0; c < data.classNames.size(); ++c)
        if (data.classNames[c] != model.classNames[c])
            return "'/classes/names' has class '" + data.classNames[c] + "' at position " +
                   std::to_string(c) + ", the model has '" + model.classNames[c] + "'";
    std::vector<char> trained(data.classNames.size(), 0);
    for (std::int32_t c : model.seenClasses)
        if (c >= 0 && static_cast<std::size_t>(c) < trained.size())
            trained[static_cast<std::size_t>(c)] = 1;
    for (std::int32_t c : data.unseenClasses())
        if (c >= 0 && static_cast<std::size_t>(c) < trained.size() &&
            trained[static_cast<std::size_t>(c)])
            return "'/splits/test_unseen' has class '" +
                   data.classNames[static_cast<std::size_t>(c)] +
                   "', which the model was trained on";
    return std::nullopt;
}

} // namespace

std::optional<std::string> modelMisfit(const ModelState& model, const Dataset& data,
                                       const std::string& origin)
{
    std::optional<std::string> problem = firstProblem(model, data);
    if (!problem)
        return std::nullopt;
    const std::string where = origin.empty() ? "dataset '" + data.name + "'" : origin;
    return where + ": " + *problem;
}

void requireModelFits(const ModelState& model, const Dataset& data, const std::string& origin)
{
    if (std::optional<std::string> reason = modelMisfit(model, data, origin))
        throw DataError(*reason);
}

} // namespace semrel
