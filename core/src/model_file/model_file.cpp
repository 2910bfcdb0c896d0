// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Reading the model file (docs/FORMATS.md, "Model file"); writing is model_file_writer.cpp.
// Everything that comes from the file is checked here (presence, type, rank, length, finite
// values); whether the weights fit the network is RelationModel's check.
#include "model_file/model_checksum.h"
#include "model_file/model_file_layout.h"
#include "storage/hdf5_containment.h"
#include "storage/hdf5_handle.h"
#include "storage/hdf5_reader.h"

#include <semrel/dataset/document.h>
#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>

#include <hdf5.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

namespace semrel {

namespace {

class ModelReader
{
public:
    explicit ModelReader(const std::string& path) : m_file(path) {}

    const h5::Reader& file() const { return m_file; }

    [[noreturn]] void fail(const std::string& field, const std::string& what) const
    {
        throw ModelError(m_file.path() + ": " + (field.empty() ? "" : "'" + field + "' ") + what);
    }
    // The same, after a failed HDF5 call: why in a user's words, HDF5's own as detail.
    [[noreturn]] void failHdf5(const std::string& field, const std::string& what) const
    {
        const std::string detail = h5::lastErrorDetail();
        fail(field, withTechnicalDetail(what + ": " + h5::explainReadFailure(detail),
                                        h5::technicalDetail(detail)));
    }

    double real(const std::string& field) const
    {
        double value = 0.0;
        m_file.open(field, H5T_FLOAT, 0).read(H5T_NATIVE_DOUBLE, &value);
        if (!std::isfinite(value))
            fail(field, "is not a finite number");
        return value;
    }
    std::int64_t integer(const std::string& field) const
    {
        std::int64_t value = 0;
        m_file.open(field, H5T_INTEGER, 0).read(H5T_NATIVE_INT64, &value);
        return value;
    }
    int smallInteger(const std::string& field) const
    {
        const std::int64_t value = integer(field);
        if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max())
            fail(field, "is out of range (" + std::to_string(value) + ")");
        return static_cast<int>(value);
    }
    std::string text(const std::string& field) const
    {
        return m_file.open(field, H5T_STRING, 0).readStrings().at(0);
    }
    // A field added after version 1's first files: `fallback` when absent.
    std::string optionalText(const std::string& field, const std::string& fallback) const
    {
        return m_file.exists(field) ? text(field) : fallback;
    }
    double optionalReal(const std::string& field, double fallback) const
    {
        return m_file.exists(field) ? real(field) : fallback;
    }
    // NaN allowed (a calibration measure that could not be taken); absent reads as NaN.
    double measure(const std::string& field) const
    {
        double value = std::numeric_limits<double>::quiet_NaN();
        if (m_file.exists(field))
            m_file.open(field, H5T_FLOAT, 0).read(H5T_NATIVE_DOUBLE, &value);
        if (std::isinf(value))
            fail(field, "is infinite");
        return value;
    }

    std::vector<float> floats(const std::string& field, int rank, h5::Dims* dims = nullptr) const
    {
        const h5::Array array = m_file.open(field, H5T_FLOAT, rank);
        if (dims)
            *dims = array.dims();
        std::vector<float> values = array.readAll<float>(H5T_NATIVE_FLOAT);
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!std::isfinite(values[i]))
                fail(field, "has a non-finite value at element " + std::to_string(i));
        return values;
    }
    std::vector<float> vector(const std::string& field, std::int64_t length) const
    {
        std::vector<float> values = floats(field, 1);
        if (static_cast<std::int64_t>(values.size()) != length)
            fail(field, "has " + std::to_string(values.size()) + " values, expected " +
                            std::to_string(length));
        return values;
    }
    std::vector<std::int64_t> integers(const std::string& field) const
    {
        return m_file.open(field, H5T_INTEGER, 1).readAll<std::int64_t>(H5T_NATIVE_INT64);
    }
    std::vector<double> doubles(const std::string& field, std::size_t length) const
    {
        std::vector<double> values =
            m_file.open(field, H5T_FLOAT, 1).readAll<double>(H5T_NATIVE_DOUBLE);
        if (values.size() != length)
            fail(field, "has " + std::to_string(values.size()) + " entries, expected " +
                            std::to_string(length) + " (one per epoch)");
        return values;
    }

    int rankOf(const std::string& field) const { return m_file.rank(field); }

    // Member names of a group in creation order (our files), else by name (files from elsewhere
    // that do not track the order).
    std::vector<std::string> membersOf(const std::string& group) const
    {
        if (!m_file.exists(group))
            fail(group, "is missing");
        std::vector<std::string> names;
        auto collect = [](hid_t, const char* name, const H5L_info_t*, void* out) -> herr_t {
            static_cast<std::vector<std::string>*>(out)->emplace_back(name);
            return 0;
        };
        const hid_t file = m_file.fileId();
        hsize_t at = 0;
        if (H5Literate_by_name(file, group.c_str(), H5_INDEX_CRT_ORDER, H5_ITER_INC, &at, collect,
                               &names, h5::localAccess()) >= 0)
            return names;
        names.clear();
        at = 0;
        if (H5Literate_by_name(file, group.c_str(), H5_INDEX_NAME, H5_ITER_INC, &at, collect,
                               &names, h5::localAccess()) < 0)
            failHdf5(group, "could not be listed");
        return names;
    }

private:
    h5::Reader m_file;
};

// Settings added after the first version-1 files. A file without them was trained before they
// existed: attribute statistics of the seen classes, tuning on the raw splits, no holdout, exact
// mining.
void readProtocolChoices(const ModelReader& in, const std::string& g, TrainingConfig& c)
{
    const auto named = [&](const std::string& field, const std::string& fallback, auto parse) {
        const std::string value = in.optionalText(g + field, fallback);
        try {
            return parse(value);
        } catch (const ModelError&) {
            throw;
        } catch (const Error& e) {
            in.fail(g + field, e.what());
        }
    };
    c.attributeStats = named("attribute_stats", "seen", attributeStatsFromName);
    c.tuningSplits = named("tuning_splits", "raw", tuningSplitsFromName);
    c.saeDirection = named("sae_direction", "semantic-to-visual", saeDirectionFromName);
    c.seenHoldout = in.optionalReal(g + "seen_holdout", 0.0);
    c.eszslGamma = in.optionalReal(g + "eszsl_gamma", 1.0);
    c.eszslLambda = in.optionalReal(g + "eszsl_lambda", 1.0);
    c.saeLambda = in.optionalReal(g + "sae_lambda", 1.0);
    // Absent: trained before the option existed, so with exact mining.
    if (in.file().exists(g + "bf16_mining")) {
        const std::int64_t bf16 = in.integer(g + "bf16_mining");
        if (bf16 != 0 && bf16 != 1)
            in.fail(g + "bf16_mining", "is " + std::to_string(bf16) + ", expected 0 or 1");
        c.bf16Mining = bf16 == 1;
    }
}

Calibration readCalibration(const ModelReader& in)
{
    Calibration c;
    if (!in.file().exists(model_layout::kCalibration))
        return c;
    const std::string g = std::string(model_layout::kCalibration) + "/";
    c.gamma = in.real(g + "gamma");
    c.validationUnseen = in.measure(g + "validation_unseen");
    c.validationSeen = in.measure(g + "validation_seen");
    c.validationHarmonic = in.measure(g + "validation_h");
    c.validationAusuc = in.measure(g + "validation_ausuc");
    for (double v : {c.validationUnseen, c.validationSeen, c.validationHarmonic, c.validationAusuc})
        if (!std::isnan(v) && (v < 0.0 || v > 1.0))
            in.fail(model_layout::kCalibration,
                    "has a validation measure of " + std::to_string(v) + ", expected [0, 1]");
    return c;
}

TrainingConfig readConfig(const ModelReader& in)
{
    const std::string g = std::string(model_layout::kConfig) + "/";
    TrainingConfig c;
    const std::string method = in.text(g + "method"); // a read error names file and field itself
    try {
        c.method = methodFromName(method);
    } catch (const Error& e) {
        in.fail(g + "method", e.what());
    }
    // Stored values are read exactly as written: another spelling of the same method (or a
    // flag of 3) can only be damage.
    if (method != methodName(c.method))
        in.fail(g + "method",
                "is '" + method + "', expected the lower-case name '" + methodName(c.method) + "'");
    c.tau = in.real(g + "tau");
    c.lambda1 = in.real(g + "lambda1");
    c.lambda2 = in.real(g + "lambda2");
    c.candidates = in.smallInteger(g + "candidates");
    c.batchSize = in.smallInteger(g + "batch_size");
    c.epochs = in.smallInteger(g + "epochs");
    c.learningRate = in.real(g + "learning_rate");
    c.weightDecay = in.real(g + "weight_decay");
    in.file().open(g + "seed", H5T_INTEGER, 0).read(H5T_NATIVE_UINT64, &c.seed);
    c.threads = in.smallInteger(g + "threads");
    for (auto [field, widths] : {std::pair{"encoder_hidden", &c.network.encoderHidden},
                                 std::pair{"decoder_hidden", &c.network.decoderHidden}}) {
        widths->clear();
        for (std::int64_t w : in.integers(g + field)) {
            if (w < 1 || w > std::numeric_limits<int>::max())
                in.fail(g + field, "has a layer width of " + std::to_string(w));
            widths->push_back(static_cast<int>(w));
        }
    }
    const std::string split = in.text(g + "train_split");
    bool known = false;
    for (Split s : kAllSplits)
        if (split == splitName(s)) {
            c.trainSplit = s;
            known = true;
        }
    if (!known)
        in.fail(g + "train_split", "names no split ('" + split + "')");
    const std::int64_t evaluate = in.integer(g + "evaluate_each_epoch");
    if (evaluate != 0 && evaluate != 1)
        in.fail(g + "evaluate_each_epoch", "is " + std::to_string(evaluate) + ", expected 0 or 1");
    c.evaluateEachEpoch = evaluate == 1;
    c.checkpointPath = in.text(g + "checkpoint_path");
    readProtocolChoices(in, g, c);
    try {
        validateConfig(c);
    } catch (const Error& e) {
        in.fail(model_layout::kConfig, e.what());
    }
    return c;
}

std::vector<NamedTensor> readTensors(const ModelReader& in, const std::string& group)
{
    std::vector<NamedTensor> tensors;
    for (const std::string& name : in.membersOf(group)) {
        const std::string field = group + "/" + name;
        NamedTensor t;
        t.name = name;
        h5::Dims dims;
        t.values = in.floats(field, in.rankOf(field), &dims);
        t.shape.assign(dims.begin(), dims.end());
        tensors.push_back(std::move(t));
    }
    return tensors;
}

std::vector<std::int32_t> readClassList(const ModelReader& in, const std::string& field,
                                        std::size_t classCount)
{
    std::vector<std::int32_t> classes;
    for (std::int64_t c : in.integers(field)) {
        if (c < 0 || static_cast<std::size_t>(c) >= classCount)
            in.fail(field, "has class index " + std::to_string(c) + ", outside the " +
                               std::to_string(classCount) + " classes");
        classes.push_back(static_cast<std::int32_t>(c));
    }
    return classes;
}

void readClasses(const ModelReader& in, ModelState& s)
{
    s.classNames = in.file().open("/classes/names", H5T_STRING, 1).readStrings();
    if (s.classNames.empty())
        in.fail("/classes/names", "is empty");
    h5::Dims dims;
    s.classEmbeddings.values = in.floats("/classes/embeddings", 2, &dims);
    if (dims[0] != s.classNames.size() || static_cast<std::int64_t>(dims[1]) != s.embeddingDim)
        in.fail("/classes/embeddings", "has shape " + std::to_string(dims[0]) + " x " +
                                           std::to_string(dims[1]) + ", expected " +
                                           std::to_string(s.classNames.size()) + " x " +
                                           std::to_string(s.embeddingDim));
    s.classEmbeddings.rows = static_cast<std::int64_t>(dims[0]);
    s.classEmbeddings.cols = static_cast<std::int64_t>(dims[1]);
    s.seenClasses = readClassList(in, "/classes/seen", s.classNames.size());
    s.unseenClasses = readClassList(in, "/classes/unseen", s.classNames.size());
    for (std::int32_t c : s.unseenClasses)
        for (std::int32_t seen : s.seenClasses)
            if (c == seen)
                in.fail("/classes/unseen",
                        "has class '" + s.classNames[c] + "', which '/classes/seen' has too");
}

std::vector<EpochReport> readHistory(const ModelReader& in)
{
    const std::string g = std::string(model_layout::kHistory) + "/";
    const std::vector<std::int64_t> epochs = in.integers(g + "epoch");
    std::vector<EpochReport> history(epochs.size());
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        if (epochs[i] < 1 || epochs[i] > std::numeric_limits<int>::max())
            in.fail(g + "epoch", "has epoch " + std::to_string(epochs[i]) + " (they start at 1)");
        history[i].epoch = static_cast<int>(epochs[i]);
    }
    for (const model_layout::HistoryColumn& column : model_layout::historyColumns()) {
        if (column.optional && !in.file().exists(g + column.name))
            continue; // EpochReport's default: not measured
        const std::vector<double> values = in.doubles(g + column.name, epochs.size());
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double v = values[i];
            const bool ok =
                column.accuracy ? std::isnan(v) || (v >= 0.0 && v <= 1.0) : std::isfinite(v);
            if (!ok)
                in.fail(g + column.name, "has " + std::to_string(v) + " at epoch " +
                                             std::to_string(history[i].epoch) +
                                             (column.accuracy ? ", expected a fraction in [0, 1]"
                                                              : ", expected a finite number"));
            history[i].*column.member = v;
        }
    }
    return history;
}

// The root attributes that repeat /config for h5dump users must agree with it.
void checkSummary(const ModelReader& in, const TrainingConfig& c)
{
    const h5::Reader& file = in.file();
    auto require = [&](bool same, const char* name) {
        if (!same)
            in.fail("", std::string("attribute '") + name + "' disagrees with /config");
    };
    require(file.stringAttribute("method") == methodName(c.method), "method");
    // Compared bit for bit: the same number was written to both.
    auto sameBits = [](double a, double b) {
        return std::memcmp(&a, &b, sizeof a) == 0;
    };
    require(sameBits(file.realAttribute("tau"), c.tau), "tau");
    require(sameBits(file.realAttribute("lambda1"), c.lambda1), "lambda1");
    require(sameBits(file.realAttribute("lambda2"), c.lambda2), "lambda2");
    require(file.unsignedAttribute("seed") == c.seed, "seed");
}

// Version 2 files carry a CRC-32 of their contents (model_checksum.h); version 1 files none.
void checkChecksum(const ModelReader& in, std::int64_t version, const ModelState& s)
{
    if (version < 2)
        return;
    const h5::Reader& file = in.file();
    if (!file.hasAttribute(model_layout::kChecksum))
        in.fail("", "has no 'checksum' attribute, which every version 2 file carries: the file is "
                    "damaged");
    const std::int64_t stored = file.intAttribute(model_layout::kChecksum);
    const std::uint32_t computed = modelChecksum(s);
    if (stored != std::int64_t{computed}) {
        char text[96];
        std::snprintf(text, sizeof text, "(stored %08llx, computed %08x)",
                      static_cast<unsigned long long>(stored), computed);
        in.fail("", std::string("does not match the checksum stored in it ") + text +
                        ": the file is damaged");
    }
}

ModelState readContents(const ModelReader& in)
{
    const h5::Reader& file = in.file();
    if (!file.hasAttribute("format"))
        in.fail("", "is not a SemRel model file (no 'format' attribute)");
    const std::string format = file.stringAttribute("format");
    if (format != model_layout::kFormat)
        in.fail("", "is not a SemRel model file (format '" + format + "', expected '" +
                        model_layout::kFormat + "')");
    const std::int64_t version = file.intAttribute("version");
    if (version < 1 || version > model_layout::kVersion)
        in.fail("", "has model format version " + std::to_string(version) +
                        "; this program reads versions up to " +
                        std::to_string(model_layout::kVersion));

    ModelState s;
    s.featureDim = file.intAttribute("feature_dim");
    s.embeddingDim = file.intAttribute("embedding_dim");
    if (s.featureDim < 1 || s.embeddingDim < 1)
        in.fail("", "has feature_dim " + std::to_string(s.featureDim) + " and embedding_dim " +
                        std::to_string(s.embeddingDim) + ", expected positive dimensions");
    s.datasetName = file.stringAttribute("dataset");
    s.splitsHash = file.stringAttribute("splits_hash");
    s.config = readConfig(in);

    s.featureNormalizer.mean = in.vector("/normalization/feature_mean", s.featureDim);
    s.featureNormalizer.stddev = in.vector("/normalization/feature_std", s.featureDim);
    s.embeddingNormalizer.mean = in.vector("/normalization/embedding_mean", s.embeddingDim);
    s.embeddingNormalizer.stddev = in.vector("/normalization/embedding_std", s.embeddingDim);
    for (auto [field, stddev] :
         {std::pair{"/normalization/feature_std", &s.featureNormalizer.stddev},
          std::pair{"/normalization/embedding_std", &s.embeddingNormalizer.stddev}})
        for (std::size_t i = 0; i < stddev->size(); ++i)
            if (!((*stddev)[i] > 0.0f))
                in.fail(field, "has a standard deviation of " + std::to_string((*stddev)[i]) +
                                   " at column " + std::to_string(i) + ", expected > 0");

    s.parameters = readTensors(in, model_layout::kWeights);
    if (s.parameters.empty())
        in.fail(model_layout::kWeights, "is empty");
    readClasses(in, s);
    s.history = readHistory(in);
    s.calibration = readCalibration(in);

    const std::int64_t completed = file.intAttribute("completed_epochs");
    if (completed < 0 || completed > std::numeric_limits<int>::max())
        in.fail("",
                "attribute 'completed_epochs' is out of range (" + std::to_string(completed) + ")");
    s.completedEpochs = static_cast<int>(completed);
    if (file.exists(model_layout::kCheckpoint))
        s.optimizerState = readTensors(in, model_layout::kOptimizer);
    checkSummary(in, s.config);
    checkChecksum(in, version, s);
    validateModelState(s, file.path());
    return s;
}

} // namespace

ModelState readModelFile(const std::string& path)
{
    try {
        return readContents(ModelReader(path));
    } catch (const DataError& e) {
        // h5::Reader reports as for data files; for the caller this is an unusable model.
        throw ModelError(e.what());
    }
}

bool isModelFile(const std::string& path)
{
    if (!h5::startsWithSignature(path))
        return false;
    try {
        return documentKind(path) == DocumentKind::ModelFile;
    } catch (const DataError&) {
        return false;
    }
}

} // namespace semrel
