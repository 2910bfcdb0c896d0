// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "baselines/closed_form_training.h"
#include "kernels/worker_team.h"
#include "method/relation_network.h"
#include "training/adam_optimizer.h"
#include "training/epoch_evaluation.h"
#include "training/training_epoch.h"
#include "training/training_rows.h"
#include "training/training_setup.h"

#include <semrel/errors.h>
#include <semrel/evaluation/calibration.h>
#include <semrel/evaluation/relation_model.h>
#include <semrel/kernels/threads.h>
#include <semrel/model_file/model_file.h>
#include <semrel/training/trainer.h>

#include <torch/torch.h>

#include <chrono>
#include <malloc.h>
#include <mutex>
#include <sstream>

namespace semrel {

namespace {

// glibc returns large freed blocks to the kernel, and the next step's gradients and
// temporaries (up to 8 MB each at the AWA2 size) then page-fault in again: 1.4x slower epochs
// (docs/BENCHMARKS.md). Keeping them in the heap is a process-wide setting; it costs at most the
// memory that training already held at its peak.
void keepFreedBlocks()
{
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 32 << 20); // glibc's maximum on 64-bit
        mallopt(M_TRIM_THRESHOLD, 512 << 20);
    });
}

} // namespace

void checkResumable(const TrainingConfig& now, const ModelState& checkpoint, const Dataset& data)
{
    const TrainingConfig& then = checkpoint.config;
    auto require = [](bool same, const std::string& what) {
        if (!same)
            throw TrainingError("cannot resume: the checkpoint was trained with another " + what);
    };
    require(then.method == now.method, "method");
    require(then.tau == now.tau && then.lambda1 == now.lambda1 && then.lambda2 == now.lambda2,
            "tau, lambda1 or lambda2");
    require(then.candidates == now.candidates && then.batchSize == now.batchSize,
            "candidate count or batch size");
    require(then.learningRate == now.learningRate && then.weightDecay == now.weightDecay,
            "learning rate or weight decay");
    require(then.seed == now.seed, "seed");
    require(then.network.encoderHidden == now.network.encoderHidden &&
                then.network.decoderHidden == now.network.decoderHidden,
            "network shape");
    require(then.trainSplit == now.trainSplit, "training split");
    require(then.attributeStats == now.attributeStats, "attribute statistics");
    require(then.tuningSplits == now.tuningSplits && then.seenHoldout == now.seenHoldout,
            "tuning split or seen holdout");
    require(checkpoint.splitsHash == hashOfSplits(data), "dataset (its splits differ)");
    require(checkpoint.featureDim == data.featureDim() &&
                checkpoint.embeddingDim == data.embeddingDim(),
            "feature or embedding dimension");
    if (checkpoint.completedEpochs < 0 || checkpoint.completedEpochs > now.epochs ||
        checkpoint.optimizerState.empty())
        throw TrainingError("cannot resume: the file holds no resumable checkpoint (" +
                            std::to_string(checkpoint.completedEpochs) + " epochs done, " +
                            std::to_string(now.epochs) + " configured)");
}

struct Trainer::Impl
{
    TrainingConfig config;

    // `inPlace`: null, or `data` itself when its training rows may be normalised where they lie.
    TrainingResult train(const Dataset& data, Dataset* inPlace, const ModelState* checkpoint,
                         const StopFlag& stop, const EpochCallback& onEpoch,
                         const BatchCallback& onBatch) const;
    ModelState initialState(const Dataset& data, const TrainingSetup& setup) const;
};

ModelState Trainer::Impl::initialState(const Dataset& data, const TrainingSetup& setup) const
{
    ModelState state;
    state.config = config;
    describeDataset(state, data);
    state.featureNormalizer = setup.featureNormalizer;
    state.embeddingNormalizer = setup.embeddingNormalizer;
    return state;
}

TrainingResult Trainer::Impl::train(const Dataset& data, Dataset* inPlace,
                                    const ModelState* checkpoint, const StopFlag& stop,
                                    const EpochCallback& onEpoch,
                                    const BatchCallback& onBatch) const
{
    const int threads = configureThreads(config.threads);
    keepFreedBlocks();
    TrainingResult result;
    if (checkpoint && inPlace) // before the dataset changes
        checkResumable(config, *checkpoint, data);
    const TrainingSetup setup =
        inPlace ? makeTrainingSetupInPlace(*inPlace, config) : makeTrainingSetup(data, config);
    result.warnings = setup.warnings;
    RelationNetwork network(data.embeddingDim(), data.featureDim(), config.network,
                            /*withDecoder=*/config.method != Method::B3, config.seed);
    std::vector<std::pair<std::string, at::Tensor>> parameters;
    for (const auto& item : network->named_parameters(/*recurse=*/true))
        parameters.emplace_back(item.key(), item.value());
    AdamOptimizer optimizer(parameters, config.learningRate, config.weightDecay);

    ModelState state = initialState(data, setup);
    if (checkpoint) {
        checkResumable(config, *checkpoint, data);
        network->importParameters(checkpoint->parameters);
        optimizer.importState(checkpoint->optimizerState);
        state.history = checkpoint->history;
        state.completedEpochs = checkpoint->completedEpochs;
    }
    state.parameters = network->exportParameters();

    const EpochEvaluation evaluation(data, setup.featureNormalizer, config.trainSplit,
                                     trainingRows(data, config).tuning.validation);
    TrainingEpoch trainingEpoch(config, setup, network, optimizer, threads);
    WorkerTeam team(threads);
    for (int epoch = state.completedEpochs + 1; epoch <= config.epochs; ++epoch) {
        EpochReport report;
        if (!trainingEpoch.run(epoch, team, stop, onBatch, report)) {
            result.stopped = true;
            break;
        }
        if (config.evaluateEachEpoch) {
            const auto start = std::chrono::steady_clock::now();
            torch::NoGradGuard noGrad;
            evaluation.measure(toFloatMatrix(network->encode(setup.embeddings)), report);
            report.evalSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        }
        state.history.push_back(report);
        state.parameters = network->exportParameters();
        state.completedEpochs = epoch;
        if (!config.checkpointPath.empty()) {
            state.optimizerState = optimizer.exportState();
            writeModelFile(state, config.checkpointPath);
            state.optimizerState.clear();
        }
        if (onEpoch)
            onEpoch(report);
    }
    // The optimiser state stays in checkpoints only: a finished model does not need it.
    result.state = std::move(state);
    if (!result.state.history.empty())
        result.state.calibration = calibrateOnValidation(RelationModel(result.state), data);
    return result;
}

Trainer::Trainer(TrainingConfig config) : m_impl(std::make_unique<Impl>())
{
    validateConfig(config);
    m_impl->config = std::move(config);
}

Trainer::~Trainer() = default;

TrainingResult Trainer::start(const Dataset& data, Dataset* inPlace, const StopFlag& stop,
                              const EpochCallback& onEpoch, const BatchCallback& onBatch)
{
    if (isClosedForm(m_impl->config.method))
        return trainClosedForm(m_impl->config, data, stop, onEpoch);
    try {
        return m_impl->train(data, inPlace, nullptr, stop, onEpoch, onBatch);
    } catch (const c10::Error& e) {
        throw TrainingError(std::string("training failed in LibTorch: ") +
                            e.what_without_backtrace());
    }
}

TrainingResult Trainer::resume(const Dataset& data, Dataset* inPlace, const ModelState& checkpoint,
                               const StopFlag& stop, const EpochCallback& onEpoch,
                               const BatchCallback& onBatch)
{
    if (isClosedForm(m_impl->config.method))
        throw TrainingError(std::string("cannot resume: ") + methodName(m_impl->config.method) +
                            " is solved in closed form, in one step; train it again instead");
    try {
        return m_impl->train(data, inPlace, &checkpoint, stop, onEpoch, onBatch);
    } catch (const c10::Error& e) {
        throw TrainingError(std::string("resuming training failed in LibTorch: ") +
                            e.what_without_backtrace());
    }
}

TrainingResult Trainer::run(const Dataset& data, const StopFlag& stop, const EpochCallback& onEpoch,
                            const BatchCallback& onBatch)
{
    return start(data, nullptr, stop, onEpoch, onBatch);
}

TrainingResult Trainer::runInPlace(Dataset& data, const StopFlag& stop,
                                   const EpochCallback& onEpoch, const BatchCallback& onBatch)
{
    return start(data, &data, stop, onEpoch, onBatch);
}

TrainingResult Trainer::resume(const Dataset& data, const ModelState& checkpoint,
                               const StopFlag& stop, const EpochCallback& onEpoch,
                               const BatchCallback& onBatch)
{
    return resume(data, nullptr, checkpoint, stop, onEpoch, onBatch);
}

TrainingResult Trainer::resumeInPlace(Dataset& data, const ModelState& checkpoint,
                                      const StopFlag& stop, const EpochCallback& onEpoch,
                                      const BatchCallback& onBatch)
{
    return resume(data, &data, checkpoint, stop, onEpoch, onBatch);
}

} // namespace semrel
