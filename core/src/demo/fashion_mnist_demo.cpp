// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/dataset/attribute_table.h>
#include <semrel/dataset/dataset_file.h>
#include <semrel/dataset/idx_file.h>
#include <semrel/demo/fashion_mnist_demo.h>
#include <semrel/errors.h>

#include <algorithm>
#include <filesystem>

namespace semrel {

namespace {

namespace fs = std::filesystem;

struct ImageSet
{
    ImagePixels images;
    std::vector<std::uint8_t> labels;
};

ImageSet readImageSet(const fs::path& dir, const char* imagesFile, const char* labelsFile)
{
    ImageSet set{readIdxImages((dir / imagesFile).string()),
                 readIdxLabels((dir / labelsFile).string())};
    const std::string where = (dir / labelsFile).string();
    if (static_cast<std::int64_t>(set.labels.size()) != set.images.count)
        throw DataError(where + ": " + std::to_string(set.labels.size()) + " labels for " +
                        std::to_string(set.images.count) + " images in " + imagesFile);
    if (set.images.height != 28 || set.images.width != 28)
        throw DataError((dir / imagesFile).string() + ": the images are " +
                        std::to_string(set.images.height) + "x" + std::to_string(set.images.width) +
                        ", Fashion-MNIST's are 28x28");
    for (std::size_t i = 0; i < set.labels.size(); ++i)
        if (set.labels[i] >= 10)
            throw DataError(where + ": label " + std::to_string(set.labels[i]) + " at image " +
                            std::to_string(i) + ", expected 0 to 9");
    return set;
}

void checkClassNames(const AttributeTable& table, const std::string& path)
{
    const std::vector<std::string>& expected = fashionMnistClassNames();
    if (table.classNames.size() != expected.size())
        throw DataError(path + ": " + std::to_string(table.classNames.size()) +
                        " classes, expected the 10 of Fashion-MNIST");
    for (std::size_t c = 0; c < expected.size(); ++c)
        if (table.classNames[c] != expected[c])
            throw DataError(path + ": line " + std::to_string(c + 2) + " is class '" +
                            table.classNames[c] + "', expected '" + expected[c] +
                            "' (rows follow Fashion-MNIST's label order)");
}

// The first `perClass` images of each wanted class, in file order.
std::vector<std::int64_t> firstPerClass(const ImageSet& set, const std::vector<bool>& wanted,
                                        int perClass, const std::string& origin)
{
    std::vector<int> taken(wanted.size(), 0);
    std::vector<std::int64_t> picked;
    for (std::size_t i = 0; i < set.labels.size(); ++i) {
        const int c = set.labels[i];
        if (wanted[static_cast<std::size_t>(c)] && taken[static_cast<std::size_t>(c)] < perClass) {
            ++taken[static_cast<std::size_t>(c)];
            picked.push_back(static_cast<std::int64_t>(i));
        }
    }
    for (std::size_t c = 0; c < wanted.size(); ++c)
        if (wanted[c] && taken[c] < perClass)
            throw DataError(origin + ": only " + std::to_string(taken[c]) + " images of class " +
                            fashionMnistClassNames()[c] + ", the demo asks for " +
                            std::to_string(perClass));
    return picked;
}

void appendImages(const ImageSet& set, const std::vector<std::int64_t>& picked, ImagePixels& images,
                  std::vector<std::int32_t>& labels)
{
    const std::int64_t size = set.images.height * set.images.width;
    images.height = set.images.height;
    images.width = set.images.width;
    for (std::int64_t i : picked) {
        images.values.insert(images.values.end(), set.images.image(i), set.images.image(i) + size);
        labels.push_back(set.labels[static_cast<std::size_t>(i)]);
    }
    images.count += static_cast<std::int64_t>(picked.size());
}

void checkSpec(const FashionMnistDemoSpec& spec)
{
    if (spec.cnnImagesPerClass < 1 || spec.trainvalPerClass < 1 || spec.testSeenPerClass < 1 ||
        spec.testUnseenPerClass < 1)
        throw DataError("Fashion-MNIST demo: every per-class image count must be at least 1");
}

// Scales a stage's own [0, 1] progress into its share [from, to] of the whole build.
ProgressCallback stage(const ProgressCallback& progress, double from, double to)
{
    if (!progress)
        return {};
    return [=](double f, const std::string& text) {
        progress(from + f * (to - from), text);
    };
}

// Fashion-MNIST's training and test halves, read from the file names the dataset ships.
struct Source
{
    ImageSet train;
    ImageSet test;
    std::string trainOrigin; // the label files, named in messages about missing images
    std::string testOrigin;
};

Source readSource(const std::string& sourceDir)
{
    const fs::path dir(sourceDir);
    return {readImageSet(dir, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"),
            readImageSet(dir, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"),
            (dir / "train-labels-idx1-ubyte.gz").string(),
            (dir / "t10k-labels-idx1-ubyte.gz").string()};
}

std::vector<bool> classesWithRole(const AttributeTable& table, bool unseen)
{
    std::vector<bool> wanted(table.roles.size());
    for (std::size_t c = 0; c < wanted.size(); ++c)
        wanted[c] = (table.roles[c] == ClassRole::Unseen) == unseen;
    return wanted;
}

// The CNN sees training images of seen classes only: unseen classes stay unseen to the features.
ExtractorTrainingResult trainOnSeenClasses(const AttributeTable& table, const Source& source,
                                           const FashionMnistDemoSpec& spec,
                                           const ProgressCallback& progress)
{
    const std::vector<bool> seen = classesWithRole(table, /*unseen=*/false);
    std::vector<std::int32_t> headLabelOf(seen.size(), -1); // seen classes as 0 .. k-1
    ExtractorTrainingSpec cnnSpec = spec.cnn;
    cnnSpec.classNames.clear();
    for (std::size_t c = 0; c < seen.size(); ++c)
        if (seen[c]) {
            headLabelOf[c] = static_cast<std::int32_t>(cnnSpec.classNames.size());
            cnnSpec.classNames.push_back(table.classNames[c]);
        }
    ImagePixels images;
    std::vector<std::int32_t> labels;
    appendImages(source.train,
                 firstPerClass(source.train, seen, spec.cnnImagesPerClass, source.trainOrigin),
                 images, labels);
    for (std::int32_t& label : labels)
        label = headLabelOf[static_cast<std::size_t>(label)];
    return trainDemoExtractor(images, labels, cnnSpec, progress);
}

// Images, labels, classes and splits; the features are added by the caller.
Dataset assembleDataset(const AttributeTable& table, const Source& source,
                        const FashionMnistDemoSpec& spec)
{
    const std::vector<bool> seen = classesWithRole(table, /*unseen=*/false);
    const std::vector<bool> unseen = classesWithRole(table, /*unseen=*/true);
    Dataset data;
    const auto trainval =
        firstPerClass(source.train, seen, spec.trainvalPerClass, source.trainOrigin);
    const auto testSeen =
        firstPerClass(source.test, seen, spec.testSeenPerClass, source.testOrigin);
    const auto testUnseen =
        firstPerClass(source.test, unseen, spec.testUnseenPerClass, source.testOrigin);
    appendImages(source.train, trainval, data.images, data.labels);
    appendImages(source.test, testSeen, data.images, data.labels);
    appendImages(source.test, testUnseen, data.images, data.labels);
    const auto nTrainval = static_cast<std::int64_t>(trainval.size());
    const auto nTestSeen = static_cast<std::int64_t>(testSeen.size());
    for (std::int64_t i = 0; i < static_cast<std::int64_t>(data.labels.size()); ++i) {
        const ClassRole role = table.roles[static_cast<std::size_t>(data.labels[i])];
        if (i < nTrainval) {
            data.split(Split::Trainval).push_back(i);
            data.split(role == ClassRole::Validation ? Split::Val : Split::Train).push_back(i);
        } else {
            data.split(i < nTrainval + nTestSeen ? Split::TestSeen : Split::TestUnseen)
                .push_back(i);
        }
    }
    data.classNames = table.classNames;
    data.classEmbeddings = table.values;
    for (const std::string& found : attributesOnlyUnseenCarry(table))
        data.warnings.push_back("attribute carried by an unseen class only: " + found);
    return data;
}

fs::path createFolder(const std::string& outputDir)
{
    std::error_code error;
    fs::create_directories(outputDir, error);
    if (error)
        throw DataError(outputDir + ": cannot create the folder (" + error.message() + ")");
    return fs::path(outputDir);
}

} // namespace

const std::vector<std::string>& fashionMnistClassNames()
{
    static const std::vector<std::string> names = {
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

FashionMnistDemoResult buildFashionMnistDemo(const std::string& sourceDir,
                                             const std::string& attributesCsv,
                                             const std::string& outputDir,
                                             const FashionMnistDemoSpec& spec,
                                             const ProgressCallback& progress)
{
    checkSpec(spec);
    if (progress)
        progress(0.0, "reading Fashion-MNIST");
    const AttributeTable table = readAttributeTable(attributesCsv);
    checkClassNames(table, attributesCsv);
    const Source source = readSource(sourceDir);
    const ExtractorTrainingResult trained =
        trainOnSeenClasses(table, source, spec, stage(progress, 0.02, 0.80));

    Dataset data = assembleDataset(table, source, spec);
    data.name = "Fashion-MNIST demo";
    const auto seenCount =
        std::count(table.roles.begin(), table.roles.end(), ClassRole::Seen) +
        std::count(table.roles.begin(), table.roles.end(), ClassRole::Validation);
    data.source = "Fashion-MNIST (" + sourceDir + "); features of a demo CNN trained on the " +
                  std::to_string(seenCount) + " seen classes";
    const auto n = static_cast<std::int64_t>(data.labels.size());
    data.features =
        trained.extractor.extractBatch(data.images.values.data(), n, stage(progress, 0.80, 0.95));

    FashionMnistDemoResult result;
    const fs::path out = createFolder(outputDir);
    result.extractorPath = (out / kDemoExtractorFile).string();
    result.datasetPath = (out / kDemoDatasetFile).string();
    trained.extractor.save(result.extractorPath);
    writeDatasetFile(data, result.datasetPath, stage(progress, 0.95, 1.0));
    result.samples = n;
    result.cnnTrainingAccuracy = trained.trainingAccuracy;
    result.warnings = data.warnings;
    return result;
}

} // namespace semrel
