// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "method/objective.h"

#include <ATen/ATen.h>

namespace semrel {

namespace {

// s(f(y_r), x) per sample: x has unit length, so only f(y) needs normalising.
at::Tensor cosineWith(const at::Tensor& unitMapped, const at::Tensor& x)
{
    return (unitMapped * x).sum(1);
}

} // namespace

ObjectiveTerms computeObjective(const ObjectiveInputs& in, const ObjectiveWeights& w)
{
    const at::Tensor perSample = in.mapped.index_select(0, in.slot); // [B, d]
    ObjectiveTerms t;
    if (w.method == Method::B1) {
        t.o1 = (perSample - in.positive).pow(2).mean();
        t.o2 = at::zeros({}, in.mapped.options()).detach();
    } else {
        const at::Tensor unit = perSample / perSample.norm(2, 1, true).clamp_min(1e-12);
        at::Tensor o1 = -cosineWith(unit, in.positive);
        if (in.dissimilar.defined())
            o1 = o1 +
                 in.dissimilarMask * (w.tau - in.deltaDissimilar) * cosineWith(unit, in.dissimilar);
        t.o1 = o1.mean();
        if (in.similar.defined()) {
            const at::Tensor s = cosineWith(unit, in.similar);
            const at::Tensor o2 = at::relu(w.tau - s) + at::relu(s - in.deltaSimilar);
            t.o2 = (in.similarMask * o2).mean();
        } else {
            t.o2 = at::zeros({}, in.mapped.options()).detach();
        }
    }
    if (in.reconstructed.defined()) {
        // Per class first, then per sample: a class's error counts once per sample of it.
        const at::Tensor perClass = (in.embeddings - in.reconstructed).pow(2).sum(1);
        t.o3 = perClass.index_select(0, in.slot).mean();
    } else {
        t.o3 = at::zeros({}, in.mapped.options()).detach();
    }
    t.total = t.o1;
    if (w.method != Method::B1 && w.lambda1 != 0.0)
        t.total = t.total + w.lambda1 * t.o2;
    if (w.lambda2 != 0.0)
        t.total = t.total + w.lambda2 * t.o3;
    return t;
}

} // namespace semrel
