// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/closed_form_model.h"
#include "method/relation_network.h"

#include <semrel/errors.h>
#include <semrel/evaluation/relation_model.h>

#include <torch/torch.h>

namespace semrel {

namespace {

void checkDimensions(const ModelState& state)
{
    if (state.featureDim < 1 || state.embeddingDim < 1)
        throw ModelError("model: feature and embedding dimensions must be positive, found " +
                         std::to_string(state.featureDim) + " and " +
                         std::to_string(state.embeddingDim));
    if (state.classEmbeddings.rows > 0 && state.classEmbeddings.cols != state.embeddingDim)
        throw ModelError("model: the class embeddings have " +
                         std::to_string(state.classEmbeddings.cols) + " dimensions, the model " +
                         std::to_string(state.embeddingDim));
    if (static_cast<std::int64_t>(state.embeddingNormalizer.mean.size()) != state.embeddingDim ||
        static_cast<std::int64_t>(state.featureNormalizer.mean.size()) != state.featureDim)
        throw ModelError("model: the normalizers do not match the model's dimensions");
}

} // namespace

struct RelationModel::Impl
{
    ModelState state;
    // The paper's method and B1-B3 only. mutable: encode() is not const in torch's module, but
    // inference in eval mode under NoGradGuard changes nothing.
    mutable RelationNetwork network{nullptr};
    ScoringSpace space;

    FloatMatrix map(const FloatMatrix& rawEmbeddings) const
    {
        if (rawEmbeddings.cols != state.embeddingDim)
            throw DataError("class embeddings have " + std::to_string(rawEmbeddings.cols) +
                            " dimensions, the model expects " + std::to_string(state.embeddingDim));
        if (isClosedForm(state.config.method))
            return closedFormClassPoints(state, rawEmbeddings);
        if (rawEmbeddings.rows == 0)
            return FloatMatrix(0, state.featureDim);
        torch::NoGradGuard noGrad;
        const FloatMatrix normalized = state.embeddingNormalizer.apply(rawEmbeddings);
        return toFloatMatrix(network->encode(fromFloatMatrix(normalized)));
    }
};

RelationModel::RelationModel(ModelState state) : m_impl(std::make_unique<Impl>())
{
    try {
        checkDimensions(state);
        if (isClosedForm(state.config.method)) {
            m_impl->space = closedFormScoringSpace(state);
        } else {
            m_impl->network = RelationNetwork(
                state.embeddingDim, state.featureDim, state.config.network,
                /*withDecoder=*/state.config.method != Method::B3, state.config.seed);
            m_impl->network->importParameters(state.parameters);
            m_impl->network->eval();
        }
        m_impl->state = std::move(state);
        if (!isClosedForm(m_impl->state.config.method)) {
            // Computed here rather than on first use: const methods may then run on any thread.
            m_impl->space.featureNormalizer = m_impl->state.featureNormalizer;
            m_impl->space.classPoints = m_impl->map(m_impl->state.classEmbeddings);
        }
    } catch (const c10::Error& e) {
        throw ModelError(std::string("model: LibTorch rejected the parameters: ") +
                         e.what_without_backtrace());
    }
}

RelationModel::~RelationModel() = default;
RelationModel::RelationModel(RelationModel&&) noexcept = default;
RelationModel& RelationModel::operator=(RelationModel&&) noexcept = default;

const ModelState& RelationModel::state() const
{
    return m_impl->state;
}

const ScoringSpace& RelationModel::scoringSpace() const
{
    return m_impl->space;
}

FloatMatrix RelationModel::mapEmbeddings(const FloatMatrix& rawEmbeddings) const
{
    try {
        return m_impl->map(rawEmbeddings);
    } catch (const c10::Error& e) {
        throw ModelError(std::string("model: mapping the embeddings failed: ") +
                         e.what_without_backtrace());
    }
}

const FloatMatrix& RelationModel::mappedClasses() const
{
    return m_impl->space.classPoints;
}

FloatMatrix RelationModel::toScoringSpace(const FloatMatrix& rawFeatures) const
{
    return m_impl->space.toSpace(rawFeatures);
}

} // namespace semrel
