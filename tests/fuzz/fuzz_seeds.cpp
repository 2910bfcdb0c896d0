// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "fuzz_seeds.h"

#include "mat_fixture.h"
#include "test_support.h"

#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/synthetic_dataset.h>
#include <semrel/model_file/model_file.h>

#include <QDir>

#include <stdexcept>

namespace semrel::fuzz {

namespace {

ModelState checkpointOf(ModelState s)
{
    for (const NamedTensor& p : s.parameters) {
        s.optimizerState.push_back(
            {p.name + ".exp_avg", p.shape, std::vector<float>(p.values.size(), 0.25f)});
        s.optimizerState.push_back(
            {p.name + ".exp_avg_sq", p.shape, std::vector<float>(p.values.size(), 0.5f)});
        s.optimizerState.push_back({p.name + ".step", {1}, {40.0f}});
    }
    s.completedEpochs = 2;
    s.history = {EpochReport{}, EpochReport{}};
    s.history[0].epoch = 1;
    s.history[1].epoch = 2;
    return s;
}

void writeMatSeeds(const std::string& folder, std::vector<Seed>& seeds)
{
    using test::MatFormat;
    for (MatFormat format : {MatFormat::V5, MatFormat::V5Compressed, MatFormat::V73}) {
        const QString dir = QString::fromStdString(folder) + "/" + test::formatName(format);
        if (!QDir().mkpath(dir))
            throw std::runtime_error("cannot create " + dir.toStdString());
        test::writeXlsa17(dir, test::tinyRes101(), test::tinyAttSplits(), format);
        const std::string name = test::formatName(format).toStdString();
        const std::string res = dir.toStdString() + "/res101.mat";
        const std::string att = dir.toStdString() + "/att_splits.mat";
        if (format == MatFormat::V5)
            setXlsa17Partners(res, att);
        seeds.push_back({"res101 " + name, res, Target::MatFile, {}});
        seeds.push_back({"att_splits " + name, att, Target::MatFile, {}});
        seeds.push_back({"res101 " + name, res, Target::Res101, {}});
        seeds.push_back({"att_splits " + name, att, Target::AttSplits, {}});
    }
}

} // namespace

std::vector<Seed> writeSeeds(const std::string& folder)
{
    std::vector<Seed> seeds;
    Dataset tiny = test::tinyDataset();
    tiny.imagePaths.assign(static_cast<std::size_t>(tiny.sampleCount()), "images/x.jpg");
    tiny.warnings = {"a warning"};
    writeDatasetFile(tiny, folder + "/tiny.h5");
    seeds.push_back({"tiny dataset", folder + "/tiny.h5", Target::DatasetFile, {}});
    SyntheticSpec spec;
    spec.classCount = 6;
    spec.unseenClassCount = 2;
    spec.valClassCount = 1;
    spec.samplesPerClass = 8;
    spec.featureDim = 24;
    spec.embeddingDim = 5;
    writeDatasetFile(makeSyntheticDataset(spec), folder + "/synthetic.h5");
    seeds.push_back({"synthetic dataset", folder + "/synthetic.h5", Target::DatasetFile, {}});
    writeModelFile(test::identityModelState(), folder + "/model.h5");
    seeds.push_back({"model", folder + "/model.h5", Target::ModelFile, {}});
    writeModelFile(checkpointOf(test::identityModelState()), folder + "/checkpoint.h5");
    seeds.push_back({"checkpoint", folder + "/checkpoint.h5", Target::ModelFile, {}});
    writeMatSeeds(folder, seeds);
    // A real file, when the shared data is there (tests/CMakeLists.txt, SEMREL_SHARED_DATA):
    // MATLAB's own v5 layout, with its compressed variables.
    const QString real = test::sharedXlsa17Dir();
    if (!real.isEmpty())
        seeds.push_back({"AWA2 att_splits (real)",
                         (real + "/AWA2/att_splits.mat").toStdString(),
                         Target::MatFile,
                         {}});
    for (Seed& seed : seeds) {
        seed.digest = digestOf(seed.target, seed.path);
        if (seed.digest.empty())
            throw std::runtime_error("seed " + seed.name + " does not read as " +
                                     targetName(seed.target));
    }
    return seeds;
}

} // namespace semrel::fuzz
