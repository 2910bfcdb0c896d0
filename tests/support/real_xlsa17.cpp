// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "real_xlsa17.h"

#include "mat_fixture.h"

#include <semrel/dataset/dataset.h>

#include <QFile>

#include <matio.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <set>

namespace semrel::test {

namespace {

std::vector<double> numbersOf(const matvar_t* v)
{
    std::vector<double> out(v->nbytes / std::max<std::size_t>(v->data_size, 1));
    for (std::size_t i = 0; i < out.size(); ++i) {
        switch (v->data_type) {
        case MAT_T_DOUBLE:
            out[i] = static_cast<const double*>(v->data)[i];
            break;
        case MAT_T_UINT8:
            out[i] = static_cast<const std::uint8_t*>(v->data)[i];
            break;
        case MAT_T_UINT16:
            out[i] = static_cast<const std::uint16_t*>(v->data)[i];
            break;
        default:
            out[i] = std::numeric_limits<double>::quiet_NaN();
        }
    }
    return out;
}

std::string textOf(const matvar_t* v)
{
    std::string text;
    const std::size_t n = v->nbytes / std::max<std::size_t>(v->data_size, 1);
    for (std::size_t i = 0; i < n; ++i)
        text += v->data_size == 2 ? static_cast<char>(static_cast<const std::uint16_t*>(v->data)[i])
                                  : static_cast<const char*>(v->data)[i];
    return text;
}

// Class indices (0-based) named in a class list file of the release.
std::vector<int> classList(const QString& path, const std::vector<std::string>& names)
{
    std::vector<int> classes;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return classes;
    for (const QByteArray& line : file.readAll().split('\n')) {
        const std::string name = line.trimmed().toStdString();
        const auto found = std::find(names.begin(), names.end(), name);
        if (!name.empty() && found != names.end())
            classes.push_back(static_cast<int>(found - names.begin()));
    }
    return classes;
}

} // namespace

bool readRealClassSide(const QString& path, RealClassSide& out)
{
    mat_t* file = Mat_Open(path.toLocal8Bit().constData(), MAT_ACC_RDONLY);
    if (!file)
        return false;
    for (Split s : kAllSplits) {
        const std::string name = std::string(splitName(s)) + "_loc";
        if (matvar_t* v = Mat_VarRead(file, name.c_str())) {
            for (double x : numbersOf(v))
                out.locs[name].push_back(static_cast<long>(x));
            Mat_VarFree(v);
        }
    }
    if (matvar_t* att = Mat_VarRead(file, "att")) {
        out.attributeCount = static_cast<long>(att->dims[0]);
        out.classCount = static_cast<long>(att->dims[1]);
        out.att = numbersOf(att);
        Mat_VarFree(att);
    }
    if (matvar_t* names = Mat_VarRead(file, "allclasses_names")) {
        for (long c = 0; c < out.classCount; ++c)
            out.names.push_back(textOf(Mat_VarGetCell(names, static_cast<int>(c))));
        Mat_VarFree(names);
    }
    Mat_Close(file);
    return true;
}

long sampleCountOf(const RealClassSide& real)
{
    long n = 0;
    for (const auto& [name, locs] : real.locs)
        n = std::max(n, *std::max_element(locs.begin(), locs.end()));
    return n;
}

ClassGroups classGroups(const QString& folder, const RealClassSide& real)
{
    ClassGroups g;
    if (real.names.empty()) {
        for (int c = 0; c < real.classCount; ++c)
            (c < 62 ? g.train : c < 82 ? g.val : g.unseen).push_back(c);
        return g;
    }
    g.train = classList(folder + "/trainclasses1.txt", real.names);
    g.val = classList(folder + "/valclasses1.txt", real.names);
    g.unseen = classList(folder + "/testclasses.txt", real.names);
    return g;
}

std::vector<double> labelsFor(const RealClassSide& real, const ClassGroups& groups, long n)
{
    std::vector<int> group(static_cast<std::size_t>(n), -1); // 0 train, 1 val, 2 seen, 3 unseen
    auto mark = [&](const char* field, int g) {
        const auto found = real.locs.find(field);
        if (found != real.locs.end())
            for (long i : found->second)
                if (group[static_cast<std::size_t>(i - 1)] < 0 || g < 2)
                    group[static_cast<std::size_t>(i - 1)] = g;
    };
    mark("test_seen_loc", 2);
    mark("trainval_loc", 2);
    mark("train_loc", 0);
    mark("val_loc", 1);
    mark("test_unseen_loc", 3);
    std::vector<int> seen = groups.train;
    seen.insert(seen.end(), groups.val.begin(), groups.val.end());
    const std::vector<int>* classes[] = {&groups.train, &groups.val, &seen, &groups.unseen};
    std::vector<double> labels(static_cast<std::size_t>(n), 1.0);
    std::size_t next[4] = {};
    std::set<long> trainval(real.locs.at("trainval_loc").begin(),
                            real.locs.at("trainval_loc").end());
    for (int pass = 0; pass < 2; ++pass) {
        for (long i = 0; i < n; ++i) {
            const int g = group[static_cast<std::size_t>(i)];
            if (g < 0 || (trainval.count(i + 1) > 0) != (pass == 0))
                continue;
            const std::vector<int>& list = *classes[g];
            labels[static_cast<std::size_t>(i)] = list[next[g]++ % list.size()] + 1;
        }
    }
    return labels;
}

bool writeGeneratedXlsa17Folder(const QString& realFolder, const QString& target, int featureDim,
                                double noise, std::uint32_t seed)
{
    RealClassSide real;
    if (!readRealClassSide(realFolder + "/att_splits.mat", real) || real.classCount == 0)
        return false;
    const long n = sampleCountOf(real);
    const std::vector<double> labels = labelsFor(real, classGroups(realFolder, real), n);
    // The hidden map from attributes to features. xlsa17's att columns have unit length, so a
    // map of unit-variance entries gives a signal of about unit std.
    std::mt19937 rng(seed);
    std::normal_distribution<double> gauss;
    const long a = real.attributeCount;
    std::vector<double> map(static_cast<std::size_t>(featureDim * a));
    for (double& v : map)
        v = gauss(rng);
    std::vector<double> features(static_cast<std::size_t>(n) * featureDim);
    for (long i = 0; i < n; ++i) {
        const long c = static_cast<long>(labels[static_cast<std::size_t>(i)]) - 1;
        for (int f = 0; f < featureDim; ++f) {
            double signal = 0.0;
            for (long k = 0; k < a; ++k)
                signal += map[static_cast<std::size_t>(f * a + k)] *
                          real.att[static_cast<std::size_t>(c * a + k)];
            features[static_cast<std::size_t>(i * featureDim + f)] = signal + noise * gauss(rng);
        }
    }
    MatContent res;
    res["features"] = MatField::numbers(
        {static_cast<std::size_t>(featureDim), static_cast<std::size_t>(n)}, features);
    res["labels"] = MatField::column(labels, Storage::UInt16AsDouble);
    writeMat(target + "/res101.mat", res, MatFormat::V5Compressed);
    QFile::copy(realFolder + "/att_splits.mat", target + "/att_splits.mat");
    for (const char* list : {"trainclasses1.txt", "valclasses1.txt", "testclasses.txt"})
        QFile::copy(realFolder + "/" + list, target + "/" + QString(list));
    return true;
}

} // namespace semrel::test
