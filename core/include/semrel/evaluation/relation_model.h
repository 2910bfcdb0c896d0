// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/evaluation/scoring_space.h>
#include <semrel/matrix.h>
#include <semrel/model_file/model_state.h>

#include <memory>

namespace semrel {

// A trained model ready for inference, whatever its method: relates images to classes through
// its ScoringSpace. For the paper's method (and B1-B3) the class points are the class embeddings
// mapped into the visual space by the encoder f (Eq. 6 compares features with them by cosine);
// for ESZSL and SAE they come from the closed-form matrix the model file stores
// (docs/REPRODUCTION.md, "Baselines"). Built from a ModelState; torch stays behind the pimpl.
// Const methods may be called from any thread, one at a time.
class RelationModel
{
public:
    // Throws ModelError when the parameters do not fit the method's shapes.
    explicit RelationModel(ModelState state);
    ~RelationModel();
    RelationModel(RelationModel&&) noexcept;
    RelationModel& operator=(RelationModel&&) noexcept;

    const ModelState& state() const;
    // The space, normaliser, projection and class points the model scores with, computed once.
    const ScoringSpace& scoringSpace() const;

    // The class points of raw class embeddings [C, a] -> [C, k] (for the paper's method
    // f(normalise(y)), k = d). Throws DataError on another a.
    FloatMatrix mapEmbeddings(const FloatMatrix& rawEmbeddings) const;
    // The class points of all the model's classes: scoringSpace().classPoints, [C, k].
    const FloatMatrix& mappedClasses() const;
    // Raw features [N, d] into the comparison space [N, k]: normalised with the training
    // statistics (and projected, for SAE visual-to-semantic). Throws DataError on another d.
    FloatMatrix toScoringSpace(const FloatMatrix& rawFeatures) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace semrel
