// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

namespace semrel {

// Calibrated stacking (Chao et al. 2016, "An empirical study and analysis of generalized zero-shot
// learning"): a constant γ is subtracted from every seen class's score before the GZSL argmax.
// γ = 0 is plain GZSL; a large γ predicts only unseen classes, a very negative one only seen
// classes. Sweeping γ traces the seen-unseen accuracy curve; its area is AUSUC. Works for any
// score (cosine or dot product): γ is in the model's score units (docs/REPRODUCTION.md,
// "Calibrated stacking").

// One test sample as calibrated stacking needs it: its best class among the seen and among the
// unseen classes, with their scores.
struct StackingSample
{
    std::int32_t truth = 0;
    std::int32_t bestSeen = 0;
    float seenScore = 0.0f;
    std::int32_t bestUnseen = 0;
    float unseenScore = 0.0f;
};

// The samples of a GZSL evaluation: those of unseen classes (ts) and of seen classes (tr), and
// the classes each accuracy averages over.
struct StackingInput
{
    std::vector<StackingSample> unseenSamples;
    std::vector<StackingSample> seenSamples;
    std::vector<std::int32_t> unseenClasses;
    std::vector<std::int32_t> seenClasses;
};

// GZSL accuracies (mean per-class top-1, fractions in [0, 1]) at one γ.
struct StackingPoint
{
    double gamma = 0.0;
    double unseenAccuracy = 0.0; // ts
    double seenAccuracy = 0.0;   // tr
    double harmonic = 0.0;       // H
};

// Whether a sample is predicted among the seen classes at γ: its best seen score minus γ beats
// its best unseen score. Ties go to the lower class index, as the plain argmax does, so that
// γ = 0 gives exactly the uncalibrated GZSL prediction.
bool predictsSeen(const StackingSample& sample, double gamma);

// ts, tr and H at `gamma`. O(N + C).
StackingPoint stackingAt(const StackingInput& input, double gamma);

// The seen-unseen accuracy curve. The accuracies change only where γ passes a sample's
// seen-minus-unseen score difference, so the curve is one point per interval between those
// differences, with γ in the middle of the interval (the outer two a little beyond the ends):
// the first point has every sample predicted seen (ts 0), the last every sample predicted unseen
// (tr 0). At most `maxPoints` are kept (evenly, always with the ends and the best H); AUSUC is
// the area under tr over ts by trapezoids over every interval, not only the kept points.
struct SeenUnseenCurve
{
    std::vector<StackingPoint> points; // γ ascending
    double ausuc = std::numeric_limits<double>::quiet_NaN();
    // The point of the highest H (the lowest γ of equals): its γ is what validation chooses.
    StackingPoint bestHarmonic;
    bool empty() const { return points.empty(); }
};

// O(N log N). An input without samples on either side gives an empty curve (AUSUC NaN).
SeenUnseenCurve seenUnseenCurve(const StackingInput& input, std::size_t maxPoints = 200);

} // namespace semrel
