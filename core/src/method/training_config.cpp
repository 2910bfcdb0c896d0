// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/method/training_config.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace semrel {

namespace {

std::string lowerCase(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

void require(bool ok, const std::string& field, const std::string& expected, double found)
{
    if (ok)
        return;
    std::ostringstream message;
    message << std::setprecision(15) << "training configuration: " << field << " must be "
            << expected << ", found " << found;
    throw Error(message.str());
}

} // namespace

const char* methodName(Method method)
{
    switch (method) {
    case Method::Proposed:
        return "proposed";
    case Method::B1:
        return "b1";
    case Method::B2:
        return "b2";
    case Method::B3:
        return "b3";
    case Method::Eszsl:
        return "eszsl";
    case Method::Sae:
        return "sae";
    }
    return "proposed";
}

std::vector<Method> allMethods()
{
    return {Method::Proposed, Method::B1, Method::B2, Method::B3, Method::Eszsl, Method::Sae};
}

Method methodFromName(const std::string& name)
{
    const std::string key = lowerCase(name);
    for (Method m : allMethods()) {
        if (key == methodName(m))
            return m;
    }
    throw Error("unknown method '" + name + "': expected proposed, b1, b2, b3, eszsl or sae");
}

bool isClosedForm(Method method)
{
    return method == Method::Eszsl || method == Method::Sae;
}

const char* attributeStatsName(AttributeStats stats)
{
    return stats == AttributeStats::All ? "all" : "seen";
}

AttributeStats attributeStatsFromName(const std::string& name)
{
    const std::string key = lowerCase(name);
    if (key == "seen")
        return AttributeStats::Seen;
    if (key == "all")
        return AttributeStats::All;
    throw Error("unknown attribute statistics '" + name + "': expected seen or all");
}

const char* saeDirectionName(SaeDirection direction)
{
    return direction == SaeDirection::VisualToSemantic ? "visual-to-semantic"
                                                       : "semantic-to-visual";
}

SaeDirection saeDirectionFromName(const std::string& name)
{
    const std::string key = lowerCase(name);
    if (key == "visual-to-semantic" || key == "v2s")
        return SaeDirection::VisualToSemantic;
    if (key == "semantic-to-visual" || key == "s2v")
        return SaeDirection::SemanticToVisual;
    throw Error("unknown SAE direction '" + name +
                "': expected visual-to-semantic (v2s) or semantic-to-visual (s2v)");
}

std::optional<NetworkShape> networkPreset(const std::string& name)
{
    const std::string key = lowerCase(name);
    // Table 1: one hidden layer of 1024 for the fine-grained sets, two for the coarse ones.
    if (key == "sun" || key == "cub")
        return NetworkShape{{1024}, {1024}};
    if (key == "awa1" || key == "awa2" || key == "apy")
        return NetworkShape{{512, 1024}, {1024, 512}};
    return std::nullopt;
}

std::vector<std::string> networkPresetNames()
{
    return {"apy", "awa1", "awa2", "cub", "sun"};
}

double effectiveTau(const TrainingConfig& config)
{
    return config.method == Method::B2 ? 1.0 : config.tau;
}

double effectiveLambda1(const TrainingConfig& config)
{
    // B1 has no O2 either: its MSE replaces both O1 and O2.
    return config.method == Method::B2 || config.method == Method::B1 ? 0.0 : config.lambda1;
}

double effectiveLambda2(const TrainingConfig& config)
{
    return config.method == Method::B3 ? 0.0 : config.lambda2;
}

void validateThreadCount(int threads)
{
    if (threads < 0)
        throw Error("threads must be >= 0 (0: automatic), found " + std::to_string(threads));
}

void validateTau(double tau)
{
    if (!(std::isfinite(tau) && tau > -1.0 && tau <= 1.0)) {
        std::ostringstream message;
        message << std::setprecision(15) << "tau must be in (-1, 1], found " << tau;
        throw Error(message.str());
    }
}

void validateConfig(const TrainingConfig& c)
{
    try {
        validateTau(c.tau);
    } catch (const Error& e) {
        throw Error(std::string("training configuration: ") + e.what());
    }
    require(std::isfinite(c.lambda1) && c.lambda1 >= 0.0, "lambda1", ">= 0", c.lambda1);
    require(std::isfinite(c.lambda2) && c.lambda2 >= 0.0, "lambda2", ">= 0", c.lambda2);
    require(c.candidates >= 1 && c.candidates <= kMaxCandidates, "candidates (p)",
            "in [1, " + std::to_string(kMaxCandidates) + "]", c.candidates);
    require(c.batchSize >= 1 && c.batchSize <= kMaxBatchSize, "batch size",
            "in [1, " + std::to_string(kMaxBatchSize) + "]", c.batchSize);
    require(c.epochs >= 1 && c.epochs <= kMaxEpochs, "epochs",
            "in [1, " + std::to_string(kMaxEpochs) + "]", c.epochs);
    require(std::isfinite(c.learningRate) && c.learningRate > 0.0, "learning rate", "> 0",
            c.learningRate);
    require(std::isfinite(c.weightDecay) && c.weightDecay >= 0.0, "weight decay", ">= 0",
            c.weightDecay);
    for (const auto* widths : {&c.network.encoderHidden, &c.network.decoderHidden}) {
        const bool encoder = widths == &c.network.encoderHidden;
        const std::string side = encoder ? "encoder" : "decoder";
        require(widths->size() <= static_cast<std::size_t>(kMaxHiddenLayers),
                "the " + side + "'s hidden layer count",
                "at most " + std::to_string(kMaxHiddenLayers), static_cast<double>(widths->size()));
        for (int width : *widths)
            require(width >= 1 && width <= kMaxLayerWidth,
                    std::string(encoder ? "an " : "a ") + side + " hidden layer width",
                    "in [1, " + std::to_string(kMaxLayerWidth) + "]", width);
    }
    require(c.threads >= 0, "threads", ">= 0 (0: automatic)", c.threads);
    require(c.trainSplit == Split::Train || c.trainSplit == Split::Trainval, "train split",
            "train or trainval (split index 0 or 1)", static_cast<int>(c.trainSplit));
    require(std::isfinite(c.seenHoldout) && c.seenHoldout >= 0.0 && c.seenHoldout <= 0.9,
            "seen holdout", "in [0, 0.9]", c.seenHoldout);
    require(std::isfinite(c.eszslGamma) && c.eszslGamma > 0.0, "ESZSL gamma", "> 0", c.eszslGamma);
    require(std::isfinite(c.eszslLambda) && c.eszslLambda > 0.0, "ESZSL lambda", "> 0",
            c.eszslLambda);
    require(std::isfinite(c.saeLambda) && c.saeLambda > 0.0, "SAE lambda", "> 0", c.saeLambda);
}

} // namespace semrel
