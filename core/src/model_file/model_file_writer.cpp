// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Writing the model file (docs/FORMATS.md, "Model file"). The reading side is model_file.cpp.
#include "model_file/model_file_layout.h"
#include "storage/hdf5_handle.h"
#include "storage/pending_file.h"

#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>

#include <hdf5.h>

#include <algorithm>
#include <string>
#include <vector>

namespace semrel {

namespace {

using Dims = std::vector<hsize_t>;

// About 1 MiB per chunk, as the dataset files: every chunk carries a Fletcher32 checksum, so a
// damaged weight is refused on read instead of silently changing predictions.
constexpr hsize_t kChunkBytes = hsize_t{1} << 20;

// h5::Writer (the dataset file's) writes root string and integer attributes and arrays of rank
// >= 1; a model also needs float attributes, scalars and groups that keep creation order, so it
// writes through this small class on the same RAII handles.
class ModelWriter
{
public:
    ModelWriter(const std::string& path, std::string origin) : m_origin(std::move(origin))
    {
        h5::silenceErrors();
        h5::Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
        // The 1.10 format checksums all metadata, so a damaged header is refused on read.
        if (!access.valid() ||
            H5Pset_libver_bounds(access.get(), H5F_LIBVER_V110, H5F_LIBVER_V110) < 0)
            fail("", "could not set up HDF5 for writing");
        m_file =
            h5::Handle(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose);
        if (!m_file.valid())
            fail("", "could not create the temporary file '" + path + "'");
    }

    // Groups list their members in creation order, so /weights reads back in the order the
    // network exported its parameters.
    void group(const std::string& field)
    {
        h5::Handle creation(H5Pcreate(H5P_GROUP_CREATE), H5Pclose);
        if (!creation.valid() ||
            H5Pset_link_creation_order(creation.get(),
                                       H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) < 0)
            fail(field, "could not be set up");
        H5Pset_obj_track_times(creation.get(), false);
        h5::Handle g(
            H5Gcreate2(m_file.get(), field.c_str(), H5P_DEFAULT, creation.get(), H5P_DEFAULT),
            H5Gclose);
        if (!g.valid())
            fail(field, "could not be created");
    }

    void attribute(const std::string& name, hid_t fileType, hid_t memType, const void* value)
    {
        h5::Handle space(H5Screate(H5S_SCALAR), H5Sclose);
        h5::Handle a(
            H5Acreate2(m_file.get(), name.c_str(), fileType, space.get(), H5P_DEFAULT, H5P_DEFAULT),
            H5Aclose);
        if (!a.valid() || H5Awrite(a.get(), memType, value) < 0)
            fail("", "attribute '" + name + "' could not be written");
    }
    void attribute(const std::string& name, const std::string& value)
    {
        const h5::Handle type = fixedText(checkedText(name, value).size());
        attribute(name, type.get(), type.get(), value.c_str());
    }

    // An array of any rank (rank 0: a scalar). Empty arrays are stored contiguous.
    void array(const std::string& field, hid_t fileType, hid_t memType, const Dims& dims,
               const void* values)
    {
        h5::Handle creation(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
        H5Pset_obj_track_times(creation.get(), false);
        const bool empty = std::any_of(dims.begin(), dims.end(), [](hsize_t d) { return d == 0; });
        if (!dims.empty() && !empty) {
            hsize_t rowBytes = H5Tget_size(fileType);
            for (std::size_t i = 1; i < dims.size(); ++i)
                rowBytes *= dims[i];
            Dims chunk = dims;
            chunk[0] =
                std::clamp<hsize_t>(kChunkBytes / std::max<hsize_t>(rowBytes, 1), 1, dims[0]);
            if (H5Pset_chunk(creation.get(), static_cast<int>(chunk.size()), chunk.data()) < 0 ||
                H5Pset_fletcher32(creation.get()) < 0)
                fail(field, "could not be set up");
        }
        h5::Handle space(
            dims.empty() ? H5Screate(H5S_SCALAR)
                         : H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
            H5Sclose);
        h5::Handle d(H5Dcreate2(m_file.get(), field.c_str(), fileType, space.get(), H5P_DEFAULT,
                                creation.get(), H5P_DEFAULT),
                     H5Dclose);
        if (!space.valid() || !d.valid())
            fail(field, "could not be created");
        if (!empty && H5Dwrite(d.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, values) < 0)
            fail(field, "could not be written (disk full?)");
    }
    void scalar(const std::string& field, double value)
    {
        array(field, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {}, &value);
    }
    void scalar(const std::string& field, std::int64_t value)
    {
        array(field, H5T_STD_I64LE, H5T_NATIVE_INT64, {}, &value);
    }
    void scalar(const std::string& field, const std::string& value)
    {
        const h5::Handle type = fixedText(checkedText(field, value).size());
        array(field, type.get(), type.get(), {}, value.c_str());
    }
    void strings(const std::string& field, const std::vector<std::string>& values)
    {
        std::size_t longest = 0;
        for (const std::string& v : values)
            longest = std::max(longest, checkedText(field, v).size());
        const std::size_t width = std::max<std::size_t>(longest, 1);
        std::vector<char> packed(values.size() * width, '\0');
        for (std::size_t i = 0; i < values.size(); ++i)
            std::copy(values[i].begin(), values[i].end(), packed.begin() + i * width);
        const h5::Handle type = fixedText(width);
        array(field, type.get(), type.get(), {values.size()}, packed.data());
    }

    void close()
    {
        if (!m_file.close())
            fail("", "could not be completed (disk full?)");
    }

    [[noreturn]] void fail(const std::string& field, const std::string& what) const
    {
        const std::string detail = h5::lastErrorDetail();
        throw ModelError(m_origin + ": " + (field.empty() ? "" : "'" + field + "' ") + what +
                         (detail.empty() ? "" : " [HDF5: " + detail + "]"));
    }

private:
    // Fixed-length UTF-8, NUL-padded, as the dataset file: variable-length strings live in
    // HDF5's global heap, which has no checksum, and HDF5 1.10 crashes on some damaged heaps.
    h5::Handle fixedText(std::size_t length) const
    {
        h5::Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
        if (!type.valid() || H5Tset_size(type.get(), std::max<std::size_t>(length, 1)) < 0 ||
            H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0 ||
            H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0)
            fail("", "could not set up a string type");
        return type;
    }
    // HDF5 strings end at the first NUL: the rest would be lost without a word.
    const std::string& checkedText(const std::string& field, const std::string& value) const
    {
        if (value.find('\0') != std::string::npos)
            fail(field, "has a text with a NUL character, which HDF5 cannot store");
        return value;
    }

    std::string m_origin;
    h5::Handle m_file;
};

void writeFloats(ModelWriter& out, const std::string& field, const std::vector<float>& values,
                 Dims dims)
{
    out.array(field, H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, dims, values.data());
}

void writeIndices(ModelWriter& out, const std::string& field, const std::vector<std::int32_t>& v)
{
    out.array(field, H5T_STD_I32LE, H5T_NATIVE_INT32, {v.size()}, v.data());
}

void writeWidths(ModelWriter& out, const std::string& field, const std::vector<int>& widths)
{
    const std::vector<std::int64_t> v(widths.begin(), widths.end());
    out.array(field, H5T_STD_I64LE, H5T_NATIVE_INT64, {v.size()}, v.data());
}

void writeTensors(ModelWriter& out, const std::string& group,
                  const std::vector<NamedTensor>& tensors)
{
    out.group(group);
    for (const NamedTensor& t : tensors) {
        // A '/' would make HDF5 nest groups, and the name would not read back the same.
        if (t.name.empty() || t.name.find('/') != std::string::npos || t.name == "." ||
            t.name.find('\0') != std::string::npos)
            out.fail(group, "cannot hold a tensor named '" + t.name + "'");
        Dims dims;
        std::uint64_t count = 1;
        for (std::int64_t d : t.shape) {
            if (d < 0)
                out.fail(group + "/" + t.name, "has a negative dimension");
            dims.push_back(static_cast<hsize_t>(d));
            count *= static_cast<std::uint64_t>(d);
        }
        if (count != t.values.size())
            out.fail(group + "/" + t.name, "has " + std::to_string(t.values.size()) +
                                               " values for its shape of " + std::to_string(count));
        writeFloats(out, group + "/" + t.name, t.values, dims);
    }
}

void writeConfig(ModelWriter& out, const TrainingConfig& c)
{
    out.group(model_layout::kConfig);
    const std::string g = std::string(model_layout::kConfig) + "/";
    out.scalar(g + "method", std::string(methodName(c.method)));
    out.scalar(g + "tau", c.tau);
    out.scalar(g + "lambda1", c.lambda1);
    out.scalar(g + "lambda2", c.lambda2);
    out.scalar(g + "candidates", std::int64_t{c.candidates});
    out.scalar(g + "batch_size", std::int64_t{c.batchSize});
    out.scalar(g + "epochs", std::int64_t{c.epochs});
    out.scalar(g + "learning_rate", c.learningRate);
    out.scalar(g + "weight_decay", c.weightDecay);
    out.array(g + "seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, {}, &c.seed);
    out.scalar(g + "threads", std::int64_t{c.threads});
    writeWidths(out, g + "encoder_hidden", c.network.encoderHidden);
    writeWidths(out, g + "decoder_hidden", c.network.decoderHidden);
    out.scalar(g + "train_split", std::string(splitName(c.trainSplit)));
    out.scalar(g + "evaluate_each_epoch", std::int64_t{c.evaluateEachEpoch ? 1 : 0});
    out.scalar(g + "checkpoint_path", c.checkpointPath);
    out.scalar(g + "attribute_stats", std::string(attributeStatsName(c.attributeStats)));
    out.scalar(g + "tuning_splits", std::string(tuningSplitsName(c.tuningSplits)));
    out.scalar(g + "seen_holdout", c.seenHoldout);
    out.scalar(g + "eszsl_gamma", c.eszslGamma);
    out.scalar(g + "eszsl_lambda", c.eszslLambda);
    out.scalar(g + "sae_lambda", c.saeLambda);
    out.scalar(g + "sae_direction", std::string(saeDirectionName(c.saeDirection)));
}

// Written only when a γ was chosen: its absence means "none", as in files from before it existed.
void writeCalibration(ModelWriter& out, const Calibration& c)
{
    if (!c.chosen())
        return;
    out.group(model_layout::kCalibration);
    const std::string g = std::string(model_layout::kCalibration) + "/";
    out.scalar(g + "gamma", c.gamma);
    out.scalar(g + "validation_unseen", c.validationUnseen);
    out.scalar(g + "validation_seen", c.validationSeen);
    out.scalar(g + "validation_h", c.validationHarmonic);
    out.scalar(g + "validation_ausuc", c.validationAusuc);
}

void writeHistory(ModelWriter& out, const std::vector<EpochReport>& history)
{
    out.group(model_layout::kHistory);
    const std::string g = std::string(model_layout::kHistory) + "/";
    std::vector<std::int32_t> epochs;
    for (const EpochReport& r : history)
        epochs.push_back(r.epoch);
    writeIndices(out, g + "epoch", epochs);
    for (const model_layout::HistoryColumn& column : model_layout::historyColumns()) {
        std::vector<double> values;
        for (const EpochReport& r : history)
            values.push_back(r.*column.member);
        out.array(g + column.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {values.size()},
                  values.data());
    }
}

void writeContents(ModelWriter& out, const ModelState& s)
{
    out.attribute("format", model_layout::kFormat);
    const std::int64_t version = model_layout::kVersion;
    out.attribute("version", H5T_STD_I64LE, H5T_NATIVE_INT64, &version);
    // A summary for h5dump and h5py users; /config is what the reader uses.
    out.attribute("method", methodName(s.config.method));
    out.attribute("tau", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &s.config.tau);
    out.attribute("lambda1", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &s.config.lambda1);
    out.attribute("lambda2", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &s.config.lambda2);
    out.attribute("attribute_stats", attributeStatsName(s.config.attributeStats));
    out.attribute("seed", H5T_STD_U64LE, H5T_NATIVE_UINT64, &s.config.seed);
    out.attribute("dataset", s.datasetName);
    out.attribute("splits_hash", s.splitsHash);
    out.attribute("feature_dim", H5T_STD_I64LE, H5T_NATIVE_INT64, &s.featureDim);
    out.attribute("embedding_dim", H5T_STD_I64LE, H5T_NATIVE_INT64, &s.embeddingDim);
    const std::int64_t completedEpochs = s.completedEpochs;
    out.attribute("completed_epochs", H5T_STD_I64LE, H5T_NATIVE_INT64, &completedEpochs);

    writeConfig(out, s.config);
    out.group("/normalization");
    writeFloats(out, "/normalization/feature_mean", s.featureNormalizer.mean,
                {s.featureNormalizer.mean.size()});
    writeFloats(out, "/normalization/feature_std", s.featureNormalizer.stddev,
                {s.featureNormalizer.stddev.size()});
    writeFloats(out, "/normalization/embedding_mean", s.embeddingNormalizer.mean,
                {s.embeddingNormalizer.mean.size()});
    writeFloats(out, "/normalization/embedding_std", s.embeddingNormalizer.stddev,
                {s.embeddingNormalizer.stddev.size()});
    writeTensors(out, model_layout::kWeights, s.parameters);

    out.group("/classes");
    out.strings("/classes/names", s.classNames);
    if (s.classEmbeddings.values.size() !=
        static_cast<std::size_t>(s.classEmbeddings.rows * s.classEmbeddings.cols))
        out.fail("/classes/embeddings", "has a size that does not match its shape");
    writeFloats(out, "/classes/embeddings", s.classEmbeddings.values,
                {static_cast<hsize_t>(s.classEmbeddings.rows),
                 static_cast<hsize_t>(s.classEmbeddings.cols)});
    writeIndices(out, "/classes/seen", s.seenClasses);
    writeIndices(out, "/classes/unseen", s.unseenClasses);
    writeHistory(out, s.history);
    writeCalibration(out, s.calibration);

    if (model_layout::hasCheckpoint(s)) {
        out.group(model_layout::kCheckpoint);
        writeTensors(out, model_layout::kOptimizer, s.optimizerState);
    }
}

} // namespace

void writeModelFile(const ModelState& state, const std::string& path)
{
    try {
        PendingFile pending(path);
        ModelWriter out(pending.path(), path);
        writeContents(out, state);
        out.close();
        pending.commit();
    } catch (const DataError& e) {
        // PendingFile speaks of data files; for the caller this is a model that was not saved.
        throw ModelError(e.what());
    }
}

} // namespace semrel
