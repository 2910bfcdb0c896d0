// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/matrix.h>
#include <semrel/progress.h>
#include <semrel/training/trainer.h>

#include <cstdint>
#include <vector>

namespace semrel {

class RelationModel;

// What the embedding map shows (the paper's Fig. 1): test features of unseen classes and the
// mapped embeddings f(y_c) of those classes, all in the model's normalised feature space. For
// ESZSL and SAE, the samples and the class points of their own comparison space (scoring_space.h:
// the semantic space for SAE's visual-to-semantic direction); the map's cosine geometry shows
// ESZSL's dot-product scores only up to each sample's length.
struct MapInput
{
    std::vector<std::int64_t> samples; // dataset index of each feature row
    std::vector<std::int32_t> labels;  // class of each feature row
    FloatMatrix features;              // [n, k], in the model's comparison space
    std::vector<std::int32_t> classes; // the marked classes
    FloatMatrix classFeatures;         // [m, k], f(y_c) (the class point) of each marked class
};

// Up to `maxSamples` test_unseen samples, the same share of every class and at least one each
// (seeded, in dataset order within a class), and the mapped embeddings of the unseen classes.
// Throws DataError when the model does not fit the dataset (requireModelFits(), model_fit.h).
MapInput unseenMapInput(const RelationModel& model, const Dataset& data, std::int64_t maxSamples,
                        std::uint64_t seed = 1);

// `input` with the test_unseen sample `sample` among its rows (kept in dataset order): a map must
// show a sample asked for even when the subsample left it out. Returns `input` unchanged when the
// sample is there. Throws DataError when `sample` is not a test_unseen sample of `data`.
MapInput withMapSample(const MapInput& input, const RelationModel& model, const Dataset& data,
                       std::int64_t sample);

// 2-D coordinates of the samples and of the class markers, in one coordinate system.
struct EmbeddingMap
{
    FloatMatrix samplePoints; // [n, 2]
    FloatMatrix classPoints;  // [k, 2]
};

// Principal components of the samples (cosine geometry: rows are scaled to unit length first,
// as the model compares by cosine); the class markers are projected on the same two axes.
// Fast (randomised subspace iteration, seeded): well under a second for 10 000 x 2048.
// Throws DataError when there are fewer than 2 samples or the dimensions disagree.
EmbeddingMap pcaMap(const MapInput& input, std::uint64_t seed = 1);

struct TsneOptions
{
    double perplexity = 30.0; // clamped to (n - 1) / 3 for small inputs
    int iterations = 750;
    int exaggerationIterations = 250; // early exaggeration phase, momentum 0.5
    double exaggeration = 12.0;
    double learningRate = 0.0; // <= 0: max(n / exaggeration / 4, 50) (Belkina et al. 2019)
    std::uint64_t seed = 1;    // of the PCA that gives the starting layout
};

struct TsneResult
{
    EmbeddingMap map;
    int iterationsDone = 0;
    bool stopped = false; // true when `stop` ended it early; the map is then the last iterate
};

// Exact (O(n^2) memory and time) t-SNE of the samples and the class markers together, so that a
// class marker lands among the samples it resembles. Meant for n + k up to a few thousand; the
// caller subsamples (unseenMapInput). Same input and seed, same map. Reports progress every few
// iterations and checks `stop` every iteration. Call from a worker thread. Throws DataError for
// fewer than 3 points, Error for invalid options, ModelError when LibTorch fails.
TsneResult tsneMap(const MapInput& input, const TsneOptions& options,
                   const ProgressCallback& progress, const StopFlag& stop);

} // namespace semrel
