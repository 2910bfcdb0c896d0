// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_step.h"

#include "kernels/dot_product.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace semrel {

TrainingStep::TrainingStep(const TrainingConfig& config, const TrainingSetup& setup,
                           RelationNetwork& network, AdamOptimizer& optimizer)
    : m_setup(setup),
      m_optimizer(optimizer), m_weights{config.method, effectiveTau(config),
                                        effectiveLambda1(config), effectiveLambda2(config)},
      m_miner(setup.set, *setup.relations, config.candidates,
              /*mineSimilar=*/config.method != Method::B1 && effectiveLambda1(config) > 0.0,
              /*mineDissimilar=*/config.method != Method::B1, config.bf16Mining),
      m_useDecoder(m_weights.lambda2 > 0.0 && network->hasDecoder()),
      m_encoder(network->encoderLayers(), optimizer, config.batchSize),
      m_decoder(network->decoderLayers(), optimizer, config.batchSize),
      m_slotOfClass(setup.set.classStart.size(), -1),
      m_embeddings(at::empty({config.batchSize, setup.embeddings.size(1)}, at::kFloat)),
      m_unitMapped(at::empty({config.batchSize, setup.set.features.size(1)}, at::kFloat)),
      m_mappedNorm(static_cast<std::size_t>(config.batchSize)),
      m_mappedGradient(at::empty({config.batchSize, setup.set.features.size(1)}, at::kFloat)),
      m_reconstructedGradient(at::empty({config.batchSize, setup.embeddings.size(1)}, at::kFloat))
{}

ObjectiveValue TrainingStep::run(const std::int64_t* rows, std::int64_t count, SplitMix& rng,
                                 WorkerTeam& team, int threads)
{
    prepare(rows, count, rng);
    team.run(threads, [this](TeamMember& me) { work(me); });
    return m_value;
}

// On the calling thread, before the job: the batch's distinct classes (one network row each;
// samples point at them), the samples of each row, and every random draw of the step.
void TrainingStep::prepare(const std::int64_t* rows, std::int64_t count, SplitMix& rng)
{
    m_referenceClass.resize(static_cast<std::size_t>(count));
    m_slot.resize(m_referenceClass.size());
    m_distinct.clear();
    for (std::int64_t k = 0; k < count; ++k) {
        const std::int32_t r = m_setup.set.rowClass[static_cast<std::size_t>(rows[k])];
        std::int64_t& s = m_slotOfClass[static_cast<std::size_t>(r)];
        if (s < 0) {
            s = static_cast<std::int64_t>(m_distinct.size());
            m_distinct.push_back(r);
        }
        m_referenceClass[static_cast<std::size_t>(k)] = r;
        m_slot[static_cast<std::size_t>(k)] = s;
    }
    for (std::int64_t c : m_distinct)
        m_slotOfClass[static_cast<std::size_t>(c)] = -1;
    const auto classRows = static_cast<std::int64_t>(m_distinct.size());

    m_rowStart.assign(static_cast<std::size_t>(classRows + 1), 0);
    for (std::int64_t s : m_slot)
        ++m_rowStart[static_cast<std::size_t>(s + 1)];
    for (std::size_t r = 1; r < m_rowStart.size(); ++r)
        m_rowStart[r] += m_rowStart[r - 1];
    m_rowSamples.resize(m_slot.size());
    std::vector<std::int64_t> next(m_rowStart.begin(), m_rowStart.end() - 1);
    for (std::size_t b = 0; b < m_slot.size(); ++b)
        m_rowSamples[static_cast<std::size_t>(next[static_cast<std::size_t>(m_slot[b])]++)] =
            static_cast<std::int64_t>(b);

    const std::int64_t a = m_setup.embeddings.size(1);
    const float* allEmbeddings = m_setup.embeddings.data_ptr<float>();
    float* embeddings = m_embeddings.data_ptr<float>();
    for (std::int64_t r = 0; r < classRows; ++r)
        std::memcpy(embeddings + r * a, allEmbeddings + m_distinct[static_cast<std::size_t>(r)] * a,
                    static_cast<std::size_t>(a) * sizeof(float));
    m_tuples = m_miner.draw(m_referenceClass, rng);
    m_terms.reset(m_slot.size());
    m_finite = true;

    m_encoder.beginForward(m_embeddings.narrow(0, 0, classRows));
    if (m_useDecoder)
        m_decoder.beginForward(m_encoder.output());
    m_batch.classRows = classRows;
    m_batch.featureDim = m_setup.set.features.size(1);
    m_batch.embeddingDim = a;
    m_batch.mapped = m_encoder.output().data_ptr<float>();
    m_batch.unitMapped = m_unitMapped.data_ptr<float>();
    m_batch.mappedNorm = m_mappedNorm.data();
    m_batch.reconstructed = m_useDecoder ? m_decoder.output().data_ptr<float>() : nullptr;
    m_batch.embeddings = embeddings;
    m_batch.features = m_setup.set.features.data_ptr<float>();
    m_batch.slot = &m_slot;
    m_batch.tuples = &m_tuples;
}

void TrainingStep::work(TeamMember& me)
{
    encoderForward(me);
    classRowsAndDecoderForward(me);
    me.share(1, [this](std::int64_t) { objectiveValueAndBackwardSetup(); });
    me.barrier();
    if (!m_finite)
        return;
    backward(me);
}

void TrainingStep::encoderForward(TeamMember& me)
{
    for (std::size_t k = 0; k < m_encoder.layerCount(); ++k) {
        me.share(m_encoder.forwardItems(k),
                 [this, k](std::int64_t item) { m_encoder.forwardItem(k, item); });
        me.barrier();
    }
    if (m_encoder.lastActivationIsWhole()) {
        me.share(1, [this](std::int64_t) { m_encoder.finishForward(); });
        me.barrier();
    }
}

// The class rows need only f(y) and the rows the miner reads; the decoder's first layer needs
// only f(y): one stage for both, so that the memory-bound mining and the compute-bound product
// share the cores.
void TrainingStep::classRowsAndDecoderForward(TeamMember& me)
{
    const std::int64_t classRows = m_batch.classRows;
    const std::int64_t decoderItems = m_useDecoder ? m_decoder.forwardItems(0) : 0;
    me.share(classRows + decoderItems, [&](std::int64_t item) {
        if (item < classRows)
            classRow(item);
        else
            m_decoder.forwardItem(0, item - classRows);
    });
    me.barrier();
    if (!m_useDecoder)
        return;
    for (std::size_t k = 1; k < m_decoder.layerCount(); ++k) {
        me.share(m_decoder.forwardItems(k),
                 [this, k](std::int64_t item) { m_decoder.forwardItem(k, item); });
        me.barrier();
    }
}

// One class row: f(y) / ‖f(y)‖ (the norm clamped at 1e-12), the hardest candidates of its
// samples, and its rows of dL/d f(y) with its samples' terms of O1 and O2.
void TrainingStep::classRow(std::int64_t row)
{
    const std::int64_t d = m_batch.featureDim;
    const float* f = m_batch.mapped + row * d;
    float* unit = m_unitMapped.data_ptr<float>() + row * d;
    const float norm = std::max(std::sqrt(dotProduct(f, f, d)), 1e-12f);
    m_mappedNorm[static_cast<std::size_t>(row)] = norm;
    for (std::int64_t e = 0; e < d; ++e)
        unit[e] = f[e] / norm;
    const std::int64_t* samples = m_rowSamples.data() + m_rowStart[static_cast<std::size_t>(row)];
    const auto count = static_cast<std::size_t>(m_rowStart[static_cast<std::size_t>(row + 1)] -
                                                m_rowStart[static_cast<std::size_t>(row)]);
    for (std::size_t k = 0; k < count; ++k)
        m_miner.choose(static_cast<std::size_t>(samples[k]), unit, m_tuples);
    mappedGradientOfRow(m_batch, m_weights, row, samples, count, m_mappedGradient.data_ptr<float>(),
                        m_terms);
}

// One member, once every row is done: the rest of the objective, and, when the loss is finite,
// this step's Adam counts and the gradients at the stacks' outputs.
void TrainingStep::objectiveValueAndBackwardSetup()
{
    const std::int64_t classRows = m_batch.classRows;
    double o3 = 0.0;
    const at::Tensor reconstructedGradient = m_reconstructedGradient.narrow(0, 0, classRows);
    if (m_useDecoder) {
        m_decoder.finishForward();
        o3 = reconstructionAndGradient(m_batch, m_weights.lambda2,
                                       reconstructedGradient.data_ptr<float>());
    }
    m_value = objectiveValue(m_batch, m_weights, m_terms, o3);
    m_finite = std::isfinite(m_value.total);
    if (!m_finite)
        return;
    if (m_useDecoder) {
        m_decoder.beginBackward(reconstructedGradient, m_optimizer, /*wantInputGradient=*/true);
        m_decoder.outputActivationGradient(0, classRows, 0, m_batch.embeddingDim);
    }
    m_encoder.beginBackward(m_mappedGradient.narrow(0, 0, classRows), m_optimizer,
                            /*wantInputGradient=*/false);
    // With a decoder, its input gradient is added first (addDecoderGradient).
    if (!m_useDecoder)
        m_encoder.outputActivationGradient(0, classRows, 0, m_batch.featureDim);
}

// The decoder's stages, then the encoder's, the last of the one beside the first of the other
// (the decoder's last updates need nothing the encoder's first product changes). The
// decoder's input-gradient items also finish dL/d f(y) column by column for the encoder.
void TrainingStep::backward(TeamMember& me)
{
    const std::size_t decoderStages = m_useDecoder ? m_decoder.backwardStages() : 0;
    const std::size_t encoderFirst = m_useDecoder ? decoderStages - 1 : 0;
    const std::size_t stages = encoderFirst + m_encoder.backwardStages();
    for (std::size_t stage = 0; stage < stages; ++stage) {
        const bool inDecoder = stage < decoderStages;
        const bool inEncoder = stage >= encoderFirst;
        const std::size_t encoderStage = inEncoder ? stage - encoderFirst : 0;
        const std::int64_t decoderItems = inDecoder ? m_decoder.backwardItems(stage) : 0;
        const std::int64_t encoderItems = inEncoder ? m_encoder.backwardItems(encoderStage) : 0;
        me.share(decoderItems + encoderItems, [&](std::int64_t item) {
            if (item >= decoderItems) {
                m_encoder.backwardItem(encoderStage, item - decoderItems);
                return;
            }
            const auto [begin, end] = m_decoder.backwardItem(stage, item);
            if (end > begin)
                addDecoderGradient(begin, end);
        });
        if (stage + 1 < stages)
            me.barrier();
    }
}

// dL/d f(y) = the objective's own + the decoder's input gradient, on columns [begin, end); then
// ELU' of the encoder's last layer on them.
void TrainingStep::addDecoderGradient(std::int64_t columnBegin, std::int64_t columnEnd)
{
    const std::int64_t d = m_batch.featureDim;
    const float* decoderGradient = m_decoder.inputGradient().data_ptr<float>();
    float* g = m_mappedGradient.data_ptr<float>();
    for (std::int64_t u = 0; u < m_batch.classRows; ++u)
        for (std::int64_t e = columnBegin; e < columnEnd; ++e)
            g[u * d + e] += decoderGradient[u * d + e];
    m_encoder.outputActivationGradient(0, m_batch.classRows, columnBegin, columnEnd);
}

} // namespace semrel
