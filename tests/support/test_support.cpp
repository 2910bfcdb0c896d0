// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "test_support.h"

#include <QDir>
#include <QFileInfo>

namespace semrel::test {

QString sharedXlsa17Dir()
{
    const QString dir = qEnvironmentVariable("SEMREL_SHARED_DATA");
    if (!dir.isEmpty() && QFileInfo::exists(dir + "/AWA2/att_splits.mat"))
        return QDir(dir).absolutePath();
    return {};
}

SyntheticSpec syntheticSpec(int classes, int unseen, int val, int samplesPerClass, int featureDim,
                            int embeddingDim)
{
    SyntheticSpec spec;
    spec.classCount = classes;
    spec.unseenClassCount = unseen;
    spec.valClassCount = val;
    spec.samplesPerClass = samplesPerClass;
    spec.featureDim = featureDim;
    spec.embeddingDim = embeddingDim;
    return spec;
}

Dataset tinyDataset()
{
    Dataset data;
    data.name = "tiny";
    data.source = "hand-made";
    data.classNames = {"cat", "dog", "fox", "owl"};
    data.classEmbeddings = FloatMatrix(4, 2);
    data.classEmbeddings.values = {1, 0, 0.9f, 0.1f, 0.7f, 0.7f, 0, 1};
    data.features = FloatMatrix(12, 3);
    for (std::int64_t i = 0; i < 12; ++i) {
        const int c = static_cast<int>(i / 3);
        data.labels.push_back(c);
        for (int f = 0; f < 3; ++f)
            data.features.at(i, f) = static_cast<float>(c + 0.1 * f + 0.01 * (i % 3));
        if (c == 3) {
            data.split(Split::TestUnseen).push_back(i);
        } else if (i % 3 == 0) {
            data.split(Split::TestSeen).push_back(i);
        } else {
            data.split(Split::Trainval).push_back(i);
            data.split(c == 2 ? Split::Val : Split::Train).push_back(i);
        }
    }
    return data;
}

ModelState identityModelState()
{
    ModelState s;
    s.config.method = Method::B3;
    s.config.network = {{}, {}};
    s.featureDim = 3;
    s.embeddingDim = 3;
    s.featureNormalizer = {{0, 0, 0}, {1, 1, 1}};
    s.embeddingNormalizer = {{0, 0, 0}, {1, 1, 1}};
    s.parameters = {{"encoder.0.weight", {3, 3}, {1, 0, 0, 0, 1, 0, 0, 0, 1}},
                    {"encoder.0.bias", {3}, {0, 0, 0}}};
    s.classNames = {"ant", "bee", "cow", "doe"};
    s.classEmbeddings = FloatMatrix(4, 3);
    s.classEmbeddings.values = {1, 0, 0, 0.8f, 0.6f, 0, 0, 1, 0, 0, 0, 1};
    s.seenClasses = {0, 1};
    s.unseenClasses = {2, 3};
    return s;
}

} // namespace semrel::test
