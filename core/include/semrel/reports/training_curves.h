// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/method/training_config.h>
#include <semrel/model_file/model_state.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace semrel {

// What a training run is judged by, epoch by epoch: validation accuracy when the run measured it
// (choosing an epoch by test accuracy would peek at the test set), else ZSL accuracy, else GZSL H.
enum class HeadlineMeasure { Validation, Zsl, GzslH };

const char* headlineMeasureName(HeadlineMeasure measure); // "validation", "ZSL", "GZSL H"

// The headline measure of one epoch, a fraction in [0, 1]; NaN when that epoch did not measure it.
double headlineAccuracy(const EpochReport& report, HeadlineMeasure measure);

struct BestEpoch
{
    std::size_t index = 0; // into the history
    int epoch = 0;
    HeadlineMeasure measure = HeadlineMeasure::Zsl;
    double accuracy = 0.0; // fraction in [0, 1]
};

// The epoch with the highest headline accuracy (the earliest of equals); nothing when no epoch
// measured an accuracy.
std::optional<BestEpoch> bestEpoch(const std::vector<EpochReport>& history);

// An exponential moving average of a curve, debiased at the start as TensorBoard does:
// s_i = (w·m_{i-1} + (1 − w)·v_i) / (1 − w^(i+1)). `weight` w in [0, 1) (0 returns the values;
// larger is smoother). Non-finite values are passed through and do not enter the average.
std::vector<double> smoothedCurve(const std::vector<double>& values, double weight);

// What tells training runs apart, one text per configuration, in the same order:
// "proposed, τ 0.20" always (the method and τ, the paper's main choices), followed by every
// other setting that differs among `configs` ("λ1 0.5", "λ2 2", "p 20", "batch 32",
// "lr 0.0005", "weight decay 0", "seed 3", "encoder 512-1024", "decoder 1024-512",
// "epochs 20", "on train"), compared as the method uses them (B2 fixes τ and λ1, B3 λ2).
// Two configurations that differ in anything that changes training never get the same text.
std::vector<std::string> distinguishingSettings(const std::vector<TrainingConfig>& configs);

} // namespace semrel
