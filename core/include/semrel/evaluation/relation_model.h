// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <semrel/matrix.h>
#include <semrel/model_file/model_state.h>

#include <memory>

namespace semrel {

// A trained model ready for inference: maps class embeddings into the visual space with the
// encoder f (Eq. 6 compares features with these by cosine). Built from a ModelState; the torch
// module stays behind the pimpl. Const methods may be called from any thread, one at a time.
class RelationModel
{
public:
    // Throws ModelError when the parameters do not fit the configured network shape.
    explicit RelationModel(ModelState state);
    ~RelationModel();
    RelationModel(RelationModel&&) noexcept;
    RelationModel& operator=(RelationModel&&) noexcept;

    const ModelState& state() const;

    // f(normalise(y)) for raw class embeddings [C, a] -> [C, d].
    FloatMatrix mapEmbeddings(const FloatMatrix& rawEmbeddings) const;
    // The mapped embeddings of all the model's classes, computed once and cached: [C, d].
    const FloatMatrix& mappedClasses() const;
    // Raw features [N, d] normalised with the training statistics.
    FloatMatrix normalizeFeatures(const FloatMatrix& rawFeatures) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace semrel
