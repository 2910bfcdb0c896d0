// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/tuning_splits.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace semrel {

// The objective variants of the paper's Section 4.1, and two published methods beside them
// (docs/REPRODUCTION.md, "Baselines"): closed-form linear maps with no network and no epochs.
enum class Method {
    Proposed, // O1 + λ1·O2 + λ2·O3
    B1,       // mean squared error between f(y_r) and x_i, plus λ2·O3
    B2,       // τ = 1 and λ1 = 0: pull the identical class, push all others
    B3,       // encoder only: λ2 = 0
    Eszsl,    // Romera-Paredes & Torr 2015: bilinear xᵀ V s_c, V in closed form
    Sae,      // Kodirov et al. 2017: semantic autoencoder W, a Sylvester equation
};

// "proposed", "b1", "b2", "b3", "eszsl", "sae". methodFromName throws Error for anything else.
const char* methodName(Method method);
Method methodFromName(const std::string& name);
// Every method, in the order above (menus, --help, the reproduction's tables).
std::vector<Method> allMethods();
// ESZSL and SAE: solved in closed form, no network, no epochs.
bool isClosedForm(Method method);

// Over which classes the class-embedding normaliser is fitted (Sec. 4.1 says "zero mean and unit
// standard deviation" without saying): the classes trained on, or every class of the dataset.
// Class embeddings of unseen classes are side information known at training time; no test image
// is involved either way (docs/REPRODUCTION.md, "Attribute statistics").
enum class AttributeStats { Seen, All };
// "seen", "all"; attributeStatsFromName throws Error for anything else.
const char* attributeStatsName(AttributeStats stats);
AttributeStats attributeStatsFromName(const std::string& name);

// SAE compares in one of its two spaces (Kodirov et al. 2017, Sec. 3.3): the image projected into
// the semantic space (W x against s_c), or the class embedding projected into the visual space
// (Wᵀ s_c against x). Both by cosine.
enum class SaeDirection { VisualToSemantic, SemanticToVisual };
// "visual-to-semantic", "semantic-to-visual" (also "v2s", "s2v" on input).
const char* saeDirectionName(SaeDirection direction);
SaeDirection saeDirectionFromName(const std::string& name);

// Hidden layer widths of the encoder f: a -> d and the decoder g: d -> a (Table 1).
struct NetworkShape
{
    std::vector<int> encoderHidden{512, 1024};
    std::vector<int> decoderHidden{1024, 512};
};

// Table 1 presets: "sun", "awa2", "cub", "apy" (also "awa1" = "awa2"). Case-insensitive.
// Returns nullopt for an unknown name.
std::optional<NetworkShape> networkPreset(const std::string& name);
// The preset names, for menus and --help.
std::vector<std::string> networkPresetNames();

// The ranges validateConfig() enforces (docs/FORMATS.md and docs/CLI.md list them). The upper
// bounds keep a typo from asking for memory no machine has: p and the batch size set the tuple
// mining's buffers (batch x p pairs per side), the widths the weight matrices.
constexpr int kMaxCandidates = 10000;
constexpr int kMaxBatchSize = 65536;
constexpr int kMaxEpochs = 100000;
constexpr int kMaxLayerWidth = 65536;
constexpr int kMaxHiddenLayers = 16;

struct TrainingConfig
{
    Method method = Method::Proposed;
    double tau = 0.0;     // similarity threshold τ in (-1, 1]; B2 forces 1
    double lambda1 = 1.0; // weight of O2; B2 forces 0
    double lambda2 = 1.0; // weight of O3; B3 forces 0
    int candidates = 50;  // p: candidates drawn per similar / dissimilar side
    // Score the mined candidates on a bfloat16 copy of the training features, the winner's score
    // recomputed in float: half the bytes mining reads, at the cost of a copy half the features'
    // size and choices that may differ where candidates score within bfloat16's rounding. Off:
    // exact (docs/BENCHMARKS.md, "A shared machine", gives its speed and accuracy).
    bool bf16Mining = false;
    int batchSize = 64;
    int epochs = 10;
    double learningRate = 1e-3;
    double weightDecay = 5e-5;
    std::uint64_t seed = 0;
    // > 0: every step on this many threads (capped at the cores, threadCountFor()); <= 0: up to
    // defaultThreadCount(), as many per step as measured fastest. The result is the same bits
    // either way.
    int threads = 0;
    NetworkShape network;

    // Trainval for the final model; Train when tuning (then Val gives the validation accuracy).
    Split trainSplit = Split::Trainval;
    // With trainSplit = Train: which samples the train and val splits mean (tuning_splits.h), and
    // the share of each train class's samples held out of training as seen-class validation
    // samples (for calibrated stacking's γ); in [0, 0.9].
    TuningSplits tuningSplits = TuningSplits::Trainval;
    double seenHoldout = 0.2;
    AttributeStats attributeStats = AttributeStats::Seen;

    // ESZSL: V = (XXᵀ + γI)⁻¹ X Y Sᵀ (SSᵀ + λI)⁻¹; γ regularises the feature side, λ the
    // attribute side. Both > 0.
    double eszslGamma = 1.0;
    double eszslLambda = 1.0;
    // SAE: SSᵀW + λ·W XXᵀ = (1 + λ) S Xᵀ; λ > 0.
    double saeLambda = 1.0;
    SaeDirection saeDirection = SaeDirection::SemanticToVisual;
    // Evaluate after each epoch (validation, or ZSL and GZSL on the test splits).
    bool evaluateEachEpoch = true;
    // Where to write a checkpoint after each epoch; empty for none.
    std::string checkpointPath;
};

// τ, λ1 and λ2 as the chosen method actually uses them (B2 and B3 override some).
double effectiveTau(const TrainingConfig& config);
double effectiveLambda1(const TrainingConfig& config);
double effectiveLambda2(const TrainingConfig& config);

// Throws Error naming the field when a value is out of range: τ outside (-1, 1] (or not a
// number), λ1, λ2 or the weight decay negative, the learning rate not positive, p outside
// [1, kMaxCandidates], the batch size outside [1, kMaxBatchSize], epochs outside
// [1, kMaxEpochs], more than kMaxHiddenLayers hidden layers or a width outside
// [1, kMaxLayerWidth], a negative thread count, a split other than train or trainval.
// The one place where every option's range is decided: the command line and the window call it.
void validateConfig(const TrainingConfig& config);

// A thread count as validateConfig() accepts it: 0 (the default) or more; counts above the cores
// are capped when used (threadCountFor()). Throws Error for a negative count.
void validateThreadCount(int threads);

// τ as validateConfig() accepts it: a number in (-1, 1]. Throws Error ("tau must be in (-1, 1],
// found 5") for anything else; `relate --tau` and the window use the same rule.
void validateTau(double tau);

} // namespace semrel
