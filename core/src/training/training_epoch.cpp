// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_epoch.h"

#include "kernels/blas_threads.h"
#include "kernels/dot_product.h"

#include <semrel/errors.h>

#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

namespace semrel {

TrainingEpoch::TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                             RelationNetwork& network, AdamOptimizer& optimizer)
    : m_config(config), m_setup(setup),
      m_optimizer(optimizer), m_weights{config.method, effectiveTau(config),
                                        effectiveLambda1(config), effectiveLambda2(config)},
      m_miner(setup.set, *setup.relations, config.candidates,
              /*mineSimilar=*/config.method != Method::B1 && effectiveLambda1(config) > 0.0,
              /*mineDissimilar=*/config.method != Method::B1),
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

bool TrainingEpoch::run(int epoch, const StopFlag& stop, const Trainer::BatchCallback& onBatch,
                        EpochReport& report)
{
    const auto start = std::chrono::steady_clock::now();
    SplitMix rng(mixSeed(m_config.seed, static_cast<std::uint64_t>(epoch)));
    std::vector<std::int64_t> order(static_cast<std::size_t>(m_setup.set.rowCount()));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);

    const SingleThreadedBlas blas; // the step spreads its products over the threads itself
    const std::int64_t n = static_cast<std::int64_t>(order.size());
    const std::int64_t batchSize = m_config.batchSize;
    const std::int64_t batches = (n + batchSize - 1) / batchSize;
    Sums sums;
    for (std::int64_t b = 0; b < batches; ++b) {
        if (stop.isRequested())
            return false;
        const std::int64_t first = b * batchSize;
        const double before = sums.loss;
        step(epoch, b + 1, order.data() + first, std::min(batchSize, n - first), rng, sums);
        if (onBatch)
            onBatch({epoch, b + 1, batches, sums.loss - before,
                     sums.loss / static_cast<double>(b + 1)});
    }
    report.epoch = epoch;
    report.loss = sums.loss / static_cast<double>(batches);
    report.o1 = sums.o1 / static_cast<double>(batches);
    report.o2 = sums.o2 / static_cast<double>(batches);
    report.o3 = sums.o3 / static_cast<double>(batches);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return true;
}

void TrainingEpoch::normaliseMapped(const at::Tensor& mapped)
{
    const std::int64_t rows = mapped.size(0);
    const std::int64_t d = mapped.size(1);
    const float* f = mapped.data_ptr<float>();
    float* unit = m_unitMapped.data_ptr<float>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const float norm = std::max(std::sqrt(dotProduct(f + r * d, f + r * d, d)), 1e-12f);
        m_mappedNorm[static_cast<std::size_t>(r)] = norm;
        for (std::int64_t e = 0; e < d; ++e)
            unit[r * d + e] = f[r * d + e] / norm;
    }
}

void TrainingEpoch::step(int epoch, std::int64_t batch, const std::int64_t* rows,
                         std::int64_t count, SplitMix& rng, Sums& sums)
{
    at::NoGradGuard noGrad; // the pass is by hand; autograd would only record it
    // The batch's distinct classes get one network row each; samples point at them.
    std::vector<std::int32_t> referenceClass(static_cast<std::size_t>(count));
    std::vector<std::int64_t> slot(referenceClass.size());
    std::vector<std::int64_t> distinct;
    for (std::int64_t k = 0; k < count; ++k) {
        const std::int32_t r = m_setup.set.rowClass[static_cast<std::size_t>(rows[k])];
        std::int64_t& s = m_slotOfClass[static_cast<std::size_t>(r)];
        if (s < 0) {
            s = static_cast<std::int64_t>(distinct.size());
            distinct.push_back(r);
        }
        referenceClass[static_cast<std::size_t>(k)] = r;
        slot[static_cast<std::size_t>(k)] = s;
    }
    for (std::int64_t c : distinct)
        m_slotOfClass[static_cast<std::size_t>(c)] = -1;

    const auto classRows = static_cast<std::int64_t>(distinct.size());
    at::Tensor embeddings = m_embeddings.narrow(0, 0, classRows);
    at::index_select_out(embeddings, m_setup.embeddings, 0,
                         at::from_blob(distinct.data(), {classRows}, at::kLong));
    const at::Tensor mapped = m_encoder.forward(embeddings);
    normaliseMapped(mapped);
    const BatchTuples tuples =
        m_miner.mine(referenceClass, slot, m_unitMapped.narrow(0, 0, classRows), rng);
    const at::Tensor reconstructed = m_useDecoder ? m_decoder.forward(mapped) : at::Tensor();

    ObjectiveBatch in;
    in.classRows = classRows;
    in.featureDim = mapped.size(1);
    in.embeddingDim = embeddings.size(1);
    in.mapped = mapped.data_ptr<float>();
    in.unitMapped = m_unitMapped.data_ptr<float>();
    in.mappedNorm = m_mappedNorm.data();
    in.reconstructed = m_useDecoder ? reconstructed.data_ptr<float>() : nullptr;
    in.embeddings = embeddings.data_ptr<float>();
    in.features = m_setup.set.features.data_ptr<float>();
    in.slot = &slot;
    in.tuples = &tuples;
    const at::Tensor mappedGradient = m_mappedGradient.narrow(0, 0, classRows);
    const at::Tensor reconstructedGradient = m_reconstructedGradient.narrow(0, 0, classRows);
    const ObjectiveValue value = objectiveAndGradient(
        in, m_weights, mappedGradient.data_ptr<float>(), reconstructedGradient.data_ptr<float>());
    if (!std::isfinite(value.total))
        throw TrainingError("training diverged: the loss became " +
                            std::string(std::isnan(value.total) ? "NaN" : "infinite") +
                            " at epoch " + std::to_string(epoch) + ", batch " +
                            std::to_string(batch) + " (try a smaller learning rate)");
    // The decoder first: its input gradient adds to the encoder's output gradient.
    if (m_useDecoder)
        mappedGradient.add_(m_decoder.backwardAndUpdate(reconstructedGradient, m_optimizer,
                                                        /*wantInputGradient=*/true));
    m_encoder.backwardAndUpdate(mappedGradient, m_optimizer, /*wantInputGradient=*/false);
    sums.loss += value.total;
    sums.o1 += value.o1;
    sums.o2 += value.o2;
    sums.o3 += value.o3;
}

} // namespace semrel
