// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/relation_network.h"

#include <semrel/errors.h>
#include <semrel/evaluation/relation_model.h>

#include <torch/torch.h>

namespace semrel {

struct RelationModel::Impl
{
    ModelState state;
    RelationNetwork network{nullptr};
    FloatMatrix mapped;

    FloatMatrix map(const FloatMatrix& rawEmbeddings)
    {
        if (rawEmbeddings.cols != state.embeddingDim)
            throw DataError("class embeddings have " + std::to_string(rawEmbeddings.cols) +
                            " dimensions, the model expects " + std::to_string(state.embeddingDim));
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
        if (state.featureDim < 1 || state.embeddingDim < 1)
            throw ModelError("model: feature and embedding dimensions must be positive, found " +
                             std::to_string(state.featureDim) + " and " +
                             std::to_string(state.embeddingDim));
        if (state.classEmbeddings.rows > 0 && state.classEmbeddings.cols != state.embeddingDim)
            throw ModelError("model: the class embeddings have " +
                             std::to_string(state.classEmbeddings.cols) +
                             " dimensions, the model " + std::to_string(state.embeddingDim));
        if (static_cast<std::int64_t>(state.embeddingNormalizer.mean.size()) !=
                state.embeddingDim ||
            static_cast<std::int64_t>(state.featureNormalizer.mean.size()) != state.featureDim)
            throw ModelError("model: the normalizers do not match the model's dimensions");
        m_impl->network =
            RelationNetwork(state.embeddingDim, state.featureDim, state.config.network,
                            /*withDecoder=*/state.config.method != Method::B3, state.config.seed);
        m_impl->network->importParameters(state.parameters);
        m_impl->network->eval();
        m_impl->state = std::move(state);
        // Computed here rather than on first use: const methods may then run on any thread.
        m_impl->mapped = m_impl->map(m_impl->state.classEmbeddings);
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
    return m_impl->mapped;
}

FloatMatrix RelationModel::normalizeFeatures(const FloatMatrix& rawFeatures) const
{
    if (rawFeatures.cols != m_impl->state.featureDim)
        throw DataError("features have " + std::to_string(rawFeatures.cols) +
                        " dimensions, the model expects " +
                        std::to_string(m_impl->state.featureDim));
    return m_impl->state.featureNormalizer.apply(rawFeatures);
}

} // namespace semrel
