// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/errors.h>
#include <semrel/model_file/model_state.h>

#include <QString>

#include <string>

namespace semrel::test {

// The folder with the real xlsa17 att_splits.mat files (../shared/data/xlsa17), or an empty
// string when it is absent: tests that need it call QSKIP then.
QString sharedXlsa17Dir();

// A small valid dataset built by hand: 4 classes (cat, dog: seen, train; fox: seen, val;
// owl: unseen), 3 samples each, d = 3, a = 2. Small enough to reason about in a test.
Dataset tinyDataset();

// A generated dataset's shape in one line: `classes` classes, the last `unseen` unseen and the
// `val` before them val, `samplesPerClass` samples each, d = featureDim, a = embeddingDim; the
// other fields of SyntheticSpec at their defaults.
SyntheticSpec syntheticSpec(int classes, int unseen, int val, int samplesPerClass, int featureDim,
                            int embeddingDim);

// An encoder-only (B3) model state with one identity layer and identity normalisers over the
// classes ant, bee (seen), cow, doe (unseen) with non-negative 3-D embeddings: ELU changes
// nothing, so the mapped classes are the embeddings themselves and every cosine can be worked
// out by hand.
ModelState identityModelState();

// Runs `fn` and returns the message of the semrel::DataError it throws. When it throws nothing,
// or something else, returns a text starting "NO DATAERROR" that no expected fragment matches.
template <typename Fn> std::string dataErrorOf(Fn&& fn)
{
    try {
        fn();
    } catch (const DataError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("NO DATAERROR, another exception: ") + e.what();
    }
    return "NO DATAERROR: nothing was thrown";
}

// The same for semrel::ModelError: a text starting "NO MODELERROR" when `fn` throws none.
template <typename Fn> std::string modelErrorOf(Fn&& fn)
{
    try {
        fn();
    } catch (const ModelError& e) {
        return e.what();
    } catch (const std::exception& e) {
        return std::string("NO MODELERROR, another exception: ") + e.what();
    }
    return "NO MODELERROR: nothing was thrown";
}

} // namespace semrel::test
