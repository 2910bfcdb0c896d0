// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>
#include <semrel/method/normalizer.h>
#include <semrel/method/training_config.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace semrel {

// What one epoch of training gave. Accuracies are fractions in [0, 1], NaN where not measured.
struct EpochReport
{
    static constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

    int epoch = 0;                            // 1-based
    double loss = 0.0;                        // mean total objective over the epoch's batches
    double o1 = 0.0;                          // mean O1 (for B1: the MSE term)
    double o2 = 0.0;                          // mean O2 (unweighted)
    double o3 = 0.0;                          // mean O3 (unweighted)
    double validationAccuracy = kNotMeasured; // ZSL on Val among val classes (trainSplit = Train)
    double zslAccuracy = kNotMeasured;        // test_unseen among unseen classes
    double gzslUnseen = kNotMeasured;         // ts: test_unseen among all classes
    double gzslSeen = kNotMeasured;           // tr: test_seen among all classes
    double gzslH = kNotMeasured;              // harmonic mean of ts and tr
    double ausuc = kNotMeasured;              // area under the seen-unseen curve (test)
    double seconds = 0.0;                     // wall time of the epoch's training steps
    double evalSeconds = 0.0;                 // wall time of the evaluation after it
};

// A parameter or optimiser tensor, by name ("encoder.0.weight"), row-major.
struct NamedTensor
{
    std::string name;
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

// Calibrated stacking's γ (evaluation/calibrated_stacking.h) as chosen on validation: the seen
// classes' held-out samples and the val split, scored by the model of a tuning run. γ is in the
// model's score units; NaN when nothing was chosen (a model trained on trainval without tuning
// has no held-out seen samples to choose it on).
struct Calibration
{
    static constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

    double gamma = kNone;
    double validationUnseen = kNone;   // ts at γ on validation
    double validationSeen = kNone;     // tr at γ on validation
    double validationHarmonic = kNone; // H at γ on validation
    double validationAusuc = kNone;
    bool chosen() const { return !std::isnan(gamma); }
};

// Everything a trained model is, as plain data: what the model file stores and what a
// RelationModel is built from. No torch here.
struct ModelState
{
    TrainingConfig config;
    std::int64_t featureDim = 0;
    std::int64_t embeddingDim = 0;
    Normalizer featureNormalizer;   // fitted on the training split's features
    Normalizer embeddingNormalizer; // fitted on the seen classes' embeddings
    std::vector<NamedTensor> parameters;

    // The classes the model knows (seen and unseen), raw embeddings as in the dataset.
    std::vector<std::string> classNames;
    FloatMatrix classEmbeddings; // [C, a]
    std::vector<std::int32_t> seenClasses;
    std::vector<std::int32_t> unseenClasses;

    std::vector<EpochReport> history;
    Calibration calibration;
    std::string datasetName;
    std::string splitsHash; // hashOfSplits() of the dataset trained on

    // Only in checkpoints: the optimiser's state and the epochs done, to resume exactly.
    std::vector<NamedTensor> optimizerState;
    int completedEpochs = 0;
};

// A parameter of the network, by name, and its shape.
struct ParameterShape
{
    std::string name;
    std::vector<std::int64_t> shape;
};

// The parameters of the network a configuration describes, mapping `embeddingDim` to
// `featureDim`: "encoder.<k>.weight" [out, in] and "encoder.<k>.bias" [out] per layer k, then
// the decoder's (none for B3), as torch's Linear layers name and shape them. The network the
// trainer builds has exactly these (tst_model_state checks it); reading a model file checks its
// weights against them.
std::vector<ParameterShape> expectedParameterShapes(const TrainingConfig& config,
                                                    std::int64_t featureDim,
                                                    std::int64_t embeddingDim);

// Checks what the file format cannot: that the class names follow validateClassNames(), that
// the weights are exactly the parameters of the
// network the configuration describes (expectedParameterShapes), and, in a checkpoint, that the
// optimiser state has for each parameter a first moment and a non-negative second moment of its
// shape and a whole step count >= 1. Throws ModelError naming `origin` and the tensor. Reading a
// model file calls it, so `semrel info` refuses what evaluation or resuming would refuse later.
void validateModelState(const ModelState& state, const std::string& origin);

// A stable hex digest of a dataset's splits, labels and class names: tells whether a model was
// trained on this very dataset.
std::string hashOfSplits(const Dataset& data);

// Records in `state` what it knows of the dataset it is made for: the dimensions, the class names
// and embeddings, the seen and unseen classes, the dataset's name and hashOfSplits().
void describeDataset(ModelState& state, const Dataset& data);

} // namespace semrel
