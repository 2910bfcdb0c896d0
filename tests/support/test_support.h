// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/dataset/dataset.h>
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

} // namespace semrel::test
