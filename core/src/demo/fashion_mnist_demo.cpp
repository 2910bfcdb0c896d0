// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include <semrel/attribute_table.h>
#include <semrel/dataset_file.h>
#include <semrel/errors.h>
#include <semrel/fashion_mnist_demo.h>
#include <semrel/idx_file.h>

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
    const fs::path dir(sourceDir);
    const ImageSet train =
        readImageSet(dir, "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz");
    const ImageSet test =
        readImageSet(dir, "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    std::vector<bool> seen(10), unseen(10);
    std::vector<std::int32_t> cnnLabelOf(10, -1); // seen classes renumbered 0 .. k-1 for the head
    std::vector<std::string> seenNames;
    for (std::size_t c = 0; c < 10; ++c) {
        unseen[c] = table.roles[c] == ClassRole::Unseen;
        seen[c] = !unseen[c];
        if (seen[c]) {
            cnnLabelOf[c] = static_cast<std::int32_t>(seenNames.size());
            seenNames.push_back(table.classNames[c]);
        }
    }

    // The CNN sees training images of seen classes only: unseen classes stay unseen.
    const std::string trainOrigin = (dir / "train-labels-idx1-ubyte.gz").string();
    ImagePixels cnnImages;
    std::vector<std::int32_t> cnnLabels;
    appendImages(train, firstPerClass(train, seen, spec.cnnImagesPerClass, trainOrigin), cnnImages,
                 cnnLabels);
    for (std::int32_t& label : cnnLabels)
        label = cnnLabelOf[static_cast<std::size_t>(label)];
    ExtractorTrainingSpec cnnSpec = spec.cnn;
    cnnSpec.classNames = seenNames;
    ExtractorTrainingResult trained =
        trainDemoExtractor(cnnImages, cnnLabels, cnnSpec, stage(progress, 0.02, 0.80));

    Dataset data;
    data.name = "Fashion-MNIST demo";
    data.source = "Fashion-MNIST (" + sourceDir + "); features of a demo CNN trained on the " +
                  std::to_string(seenNames.size()) + " seen classes";
    const std::string testOrigin = (dir / "t10k-labels-idx1-ubyte.gz").string();
    const auto trainval = firstPerClass(train, seen, spec.trainvalPerClass, trainOrigin);
    const auto testSeen = firstPerClass(test, seen, spec.testSeenPerClass, testOrigin);
    const auto testUnseen = firstPerClass(test, unseen, spec.testUnseenPerClass, testOrigin);
    appendImages(train, trainval, data.images, data.labels);
    appendImages(test, testSeen, data.images, data.labels);
    appendImages(test, testUnseen, data.images, data.labels);
    const auto n = static_cast<std::int64_t>(data.labels.size());
    const auto nTrainval = static_cast<std::int64_t>(trainval.size());
    const auto nTestSeen = static_cast<std::int64_t>(testSeen.size());
    for (std::int64_t i = 0; i < n; ++i) {
        const ClassRole role = table.roles[static_cast<std::size_t>(data.labels[i])];
        if (i < nTrainval) {
            data.split(Split::Trainval).push_back(i);
            data.split(role == ClassRole::Val ? Split::Val : Split::Train).push_back(i);
        } else {
            data.split(i < nTrainval + nTestSeen ? Split::TestSeen : Split::TestUnseen)
                .push_back(i);
        }
    }
    data.classNames = table.classNames;
    data.classEmbeddings = table.values;
    data.features =
        trained.extractor.extractBatch(data.images.values.data(), n, stage(progress, 0.80, 0.95));
    for (const std::string& found : attributesOnlyUnseenCarry(table))
        data.warnings.push_back("attribute carried by an unseen class only: " + found);

    FashionMnistDemoResult result;
    const fs::path out(outputDir);
    std::error_code error;
    fs::create_directories(out, error);
    if (error)
        throw DataError(outputDir + ": cannot create the folder (" + error.message() + ")");
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
