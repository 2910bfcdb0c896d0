// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/errors.h>
#include <semrel/exploration/embedding_map.h>

#include <QTest>

#include <cmath>
#include <random>

using namespace semrel;

namespace {

// `clusters` tight groups of `perCluster` points around orthogonal directions of R^dim, and one
// class marker at each direction: well separated in cosine.
MapInput clusteredInput(int clusters, int perCluster, int dim)
{
    std::mt19937 random(7);
    std::normal_distribution<float> noise(0.0f, 0.05f);
    MapInput input;
    input.features = FloatMatrix(clusters * perCluster, dim);
    input.classFeatures = FloatMatrix(clusters, dim);
    for (int c = 0; c < clusters; ++c) {
        input.classes.push_back(c);
        input.classFeatures.at(c, c) = 1.0f;
        for (int i = 0; i < perCluster; ++i) {
            const int row = c * perCluster + i;
            for (int j = 0; j < dim; ++j)
                input.features.at(row, j) = noise(random) + (j == c ? 1.0f : 0.0f);
            input.samples.push_back(row);
            input.labels.push_back(c);
        }
    }
    return input;
}

double distance(const FloatMatrix& a, std::int64_t i, const FloatMatrix& b, std::int64_t j)
{
    return std::hypot(a.at(i, 0) - b.at(j, 0), a.at(i, 1) - b.at(j, 1));
}

// Every sample is closer to its own class's centroid than to any other's, and so is every class
// marker: the map keeps the clusters apart.
void verifySeparated(const MapInput& input, const EmbeddingMap& map)
{
    const auto k = static_cast<std::int64_t>(input.classes.size());
    FloatMatrix centroid(k, 2);
    std::vector<int> counts(static_cast<std::size_t>(k), 0);
    for (std::int64_t i = 0; i < map.samplePoints.rows; ++i) {
        const std::int32_t c = input.labels[static_cast<std::size_t>(i)];
        centroid.at(c, 0) += map.samplePoints.at(i, 0);
        centroid.at(c, 1) += map.samplePoints.at(i, 1);
        ++counts[static_cast<std::size_t>(c)];
    }
    for (std::int64_t c = 0; c < k; ++c) {
        centroid.at(c, 0) /= static_cast<float>(counts[static_cast<std::size_t>(c)]);
        centroid.at(c, 1) /= static_cast<float>(counts[static_cast<std::size_t>(c)]);
    }
    const auto nearestCentroid = [&](const FloatMatrix& points, std::int64_t i) {
        std::int64_t best = 0;
        for (std::int64_t c = 1; c < k; ++c)
            if (distance(points, i, centroid, c) < distance(points, i, centroid, best))
                best = c;
        return best;
    };
    for (std::int64_t i = 0; i < map.samplePoints.rows; ++i)
        QCOMPARE(nearestCentroid(map.samplePoints, i), input.labels[static_cast<std::size_t>(i)]);
    for (std::int64_t c = 0; c < k; ++c)
        QCOMPARE(nearestCentroid(map.classPoints, c), c);
}

} // namespace

class TestEmbeddingMap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pcaGivesOnePointPerSampleAndClass()
    {
        const MapInput input = clusteredInput(3, 20, 8);
        const EmbeddingMap map = pcaMap(input);
        QCOMPARE(map.samplePoints.rows, 60);
        QCOMPARE(map.samplePoints.cols, 2);
        QCOMPARE(map.classPoints.rows, 3);
        QCOMPARE(map.classPoints.cols, 2);
    }

    void pcaKeepsThreeClustersApart()
    {
        // Three orthogonal directions span a plane after centring: PCA separates them exactly.
        const MapInput input = clusteredInput(3, 20, 8);
        verifySeparated(input, pcaMap(input));
    }

    void pcaIsReproducible()
    {
        const MapInput input = clusteredInput(3, 20, 8);
        QVERIFY(pcaMap(input, 5).samplePoints == pcaMap(input, 5).samplePoints);
    }

    void pcaRejectsTooFewSamples()
    {
        MapInput input = clusteredInput(1, 1, 4);
        QVERIFY_THROWS_EXCEPTION(DataError, pcaMap(input));
    }

    void tsneKeepsSixClustersApart()
    {
        // Six directions do not fit in a plane by projection; t-SNE must still keep them apart.
        const MapInput input = clusteredInput(6, 25, 12);
        TsneOptions options;
        options.iterations = 500; // 250 of them after early exaggeration, to settle
        const StopFlag stop;
        const TsneResult result = tsneMap(input, options, {}, stop);
        QVERIFY(!result.stopped);
        QCOMPARE(result.iterationsDone, 500);
        QCOMPARE(result.map.samplePoints.rows, 150);
        QCOMPARE(result.map.classPoints.rows, 6);
        verifySeparated(input, result.map);
    }

    void tsneIsReproducible()
    {
        const MapInput input = clusteredInput(3, 10, 6);
        TsneOptions options;
        options.iterations = 60;
        const StopFlag stop;
        QVERIFY(tsneMap(input, options, {}, stop).map.samplePoints ==
                tsneMap(input, options, {}, stop).map.samplePoints);
    }

    void tsneReportsProgressAndStopsWhenAsked()
    {
        const MapInput input = clusteredInput(3, 10, 6);
        TsneOptions options;
        options.iterations = 500;
        StopFlag stop;
        std::vector<double> fractions;
        const auto progress = [&](double fraction, const std::string&) {
            fractions.push_back(fraction);
            if (fraction >= 0.1)
                stop.request();
        };
        const TsneResult result = tsneMap(input, options, progress, stop);
        QVERIFY(result.stopped);
        QCOMPARE(result.iterationsDone, 50); // stopped at the report after 10% of the iterations
        QVERIFY(fractions.size() >= 2);
        QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
        QCOMPARE(result.map.samplePoints.rows, 30); // the last iterate, still a whole map
    }

    void tsneRejectsBadOptions()
    {
        const MapInput input = clusteredInput(3, 10, 6);
        TsneOptions options;
        options.perplexity = 0.0;
        const StopFlag stop;
        QVERIFY_THROWS_EXCEPTION(Error, tsneMap(input, options, {}, stop));
        QVERIFY_THROWS_EXCEPTION(DataError, tsneMap(clusteredInput(1, 1, 4), {}, {}, stop));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingMap)
#include "tst_embedding_map.moc"
