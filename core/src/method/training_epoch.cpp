// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/training_epoch.h"

#include <semrel/errors.h>

#include <ATen/ATen.h>

#include <chrono>
#include <cmath>
#include <numeric>

namespace semrel {

namespace {

at::Tensor int64Tensor(const std::vector<std::int64_t>& values)
{
    return at::from_blob(const_cast<std::int64_t*>(values.data()),
                         {static_cast<std::int64_t>(values.size())}, at::kLong)
        .clone();
}

at::Tensor floatTensor(const std::vector<float>& values)
{
    return at::from_blob(const_cast<float*>(values.data()),
                         {static_cast<std::int64_t>(values.size())}, at::kFloat)
        .clone();
}

// A missing x_j or x_k (-1) becomes row 0 with mask 0: the term is computed and multiplied
// away, which keeps the batch one tensor instead of a ragged list.
at::Tensor maskOf(std::vector<std::int64_t>& rows)
{
    std::vector<float> mask(rows.size());
    for (std::size_t b = 0; b < rows.size(); ++b) {
        mask[b] = rows[b] < 0 ? 0.0f : 1.0f;
        rows[b] = std::max<std::int64_t>(rows[b], 0);
    }
    return floatTensor(mask);
}

} // namespace

TrainingEpoch::TrainingEpoch(const TrainingConfig& config, const TrainingSetup& setup,
                             RelationNetwork& network, AdamOptimizer& optimizer)
    : m_config(config), m_setup(setup), m_network(network),
      m_optimizer(optimizer), m_weights{config.method, effectiveTau(config),
                                        effectiveLambda1(config), effectiveLambda2(config)},
      m_miner(setup.set, *setup.relations, config.candidates,
              /*mineSimilar=*/config.method != Method::B1 && effectiveLambda1(config) > 0.0,
              /*mineDissimilar=*/config.method != Method::B1),
      m_slotOfClass(setup.set.classStart.size(), -1)
{}

bool TrainingEpoch::run(int epoch, const StopFlag& stop, const Trainer::BatchCallback& onBatch,
                        EpochReport& report)
{
    const auto start = std::chrono::steady_clock::now();
    SplitMix rng(mixSeed(m_config.seed, static_cast<std::uint64_t>(epoch)));
    std::vector<std::int64_t> order(static_cast<std::size_t>(m_setup.set.rowCount()));
    std::iota(order.begin(), order.end(), 0);
    rng.shuffle(order);

    const std::int64_t n = static_cast<std::int64_t>(order.size());
    const std::int64_t batchSize = m_config.batchSize;
    const std::int64_t batches = (n + batchSize - 1) / batchSize;
    Sums sums;
    for (std::int64_t b = 0; b < batches; ++b) {
        if (stop.isRequested())
            return false;
        const std::int64_t first = b * batchSize;
        step(epoch, b + 1, order.data() + first, std::min(batchSize, n - first), rng, sums);
        if (onBatch)
            onBatch(epoch, b + 1, batches);
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

at::Tensor TrainingEpoch::gatherRows(const std::vector<std::int64_t>& rows) const
{
    return m_setup.set.features.index_select(0, int64Tensor(rows));
}

void TrainingEpoch::step(int epoch, std::int64_t batch, const std::int64_t* rows,
                         std::int64_t count, SplitMix& rng, Sums& sums)
{
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

    ObjectiveInputs in;
    in.embeddings = m_setup.embeddings.index_select(0, int64Tensor(distinct));
    in.mapped = m_network->encode(in.embeddings);
    in.slot = int64Tensor(slot);

    BatchTuples tuples;
    {
        at::NoGradGuard noGrad;
        const at::Tensor detached = in.mapped.detach();
        const at::Tensor unit =
            (detached / detached.norm(2, 1, true).clamp_min(1e-12)).contiguous();
        tuples = m_miner.mine(referenceClass, slot, unit, rng);
        in.positive = gatherRows(tuples.positive);
        if (!tuples.similarCandidates.empty()) {
            in.similarMask = maskOf(tuples.similar);
            in.similar = gatherRows(tuples.similar);
            in.deltaSimilar = floatTensor(tuples.deltaSimilar);
        }
        if (!tuples.dissimilarCandidates.empty()) {
            in.dissimilarMask = maskOf(tuples.dissimilar);
            in.dissimilar = gatherRows(tuples.dissimilar);
            in.deltaDissimilar = floatTensor(tuples.deltaDissimilar);
        }
    }
    if (m_weights.lambda2 > 0.0 && m_network->hasDecoder())
        in.reconstructed = m_network->decode(in.mapped);

    const ObjectiveTerms terms = computeObjective(in, m_weights);
    const double loss = terms.total.item<double>();
    if (!std::isfinite(loss))
        throw TrainingError("training diverged: the loss became " +
                            std::string(std::isnan(loss) ? "NaN" : "infinite") + " at epoch " +
                            std::to_string(epoch) + ", batch " + std::to_string(batch) +
                            " (try a smaller learning rate)");
    m_optimizer.clearGradients();
    terms.total.backward();
    m_optimizer.step();
    sums.loss += loss;
    sums.o1 += terms.o1.item<double>();
    sums.o2 += terms.o2.item<double>();
    sums.o3 += terms.o3.item<double>();
}

} // namespace semrel
