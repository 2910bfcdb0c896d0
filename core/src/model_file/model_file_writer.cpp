// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// Writing the model file (docs/FORMATS.md, "Model file"). The reading side is model_file.cpp.
#include "model_file/model_checksum.h"
#include "model_file/model_file_layout.h"
#include "storage/hdf5_writer.h"

#include <semrel/errors.h>
#include <semrel/model_file/model_file.h>

#include <hdf5.h>

#include <string>
#include <vector>

namespace semrel {

namespace {

using Dims = std::vector<hsize_t>;

void writeFloats(h5::Writer& out, const std::string& field, const std::vector<float>& values,
                 const Dims& dims)
{
    out.writeArray(field, H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, dims, values.data());
}

void writeIndices(h5::Writer& out, const std::string& field, const std::vector<std::int32_t>& v)
{
    out.writeArray(field, H5T_STD_I32LE, H5T_NATIVE_INT32, {v.size()}, v.data());
}

void writeWidths(h5::Writer& out, const std::string& field, const std::vector<int>& widths)
{
    const std::vector<std::int64_t> v(widths.begin(), widths.end());
    out.writeArray(field, H5T_STD_I64LE, H5T_NATIVE_INT64, {v.size()}, v.data());
}

void writeTensors(h5::Writer& out, const std::string& group,
                  const std::vector<NamedTensor>& tensors)
{
    out.createGroup(group);
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

void writeConfig(h5::Writer& out, const TrainingConfig& c)
{
    out.createGroup(model_layout::kConfig);
    const std::string g = std::string(model_layout::kConfig) + "/";
    out.writeScalar(g + "method", std::string(methodName(c.method)));
    out.writeScalar(g + "tau", c.tau);
    out.writeScalar(g + "lambda1", c.lambda1);
    out.writeScalar(g + "lambda2", c.lambda2);
    out.writeScalar(g + "candidates", std::int64_t{c.candidates});
    out.writeScalar(g + "batch_size", std::int64_t{c.batchSize});
    out.writeScalar(g + "epochs", std::int64_t{c.epochs});
    out.writeScalar(g + "learning_rate", c.learningRate);
    out.writeScalar(g + "weight_decay", c.weightDecay);
    out.writeScalar(g + "seed", c.seed);
    out.writeScalar(g + "threads", std::int64_t{c.threads});
    writeWidths(out, g + "encoder_hidden", c.network.encoderHidden);
    writeWidths(out, g + "decoder_hidden", c.network.decoderHidden);
    out.writeScalar(g + "train_split", std::string(splitName(c.trainSplit)));
    out.writeScalar(g + "evaluate_each_epoch", std::int64_t{c.evaluateEachEpoch ? 1 : 0});
    out.writeScalar(g + "checkpoint_path", c.checkpointPath);
    out.writeScalar(g + "attribute_stats", std::string(attributeStatsName(c.attributeStats)));
    out.writeScalar(g + "tuning_splits", std::string(tuningSplitsName(c.tuningSplits)));
    out.writeScalar(g + "seen_holdout", c.seenHoldout);
    out.writeScalar(g + "eszsl_gamma", c.eszslGamma);
    out.writeScalar(g + "eszsl_lambda", c.eszslLambda);
    out.writeScalar(g + "sae_lambda", c.saeLambda);
    out.writeScalar(g + "sae_direction", std::string(saeDirectionName(c.saeDirection)));
    out.writeScalar(g + "bf16_mining", std::int64_t{c.bf16Mining ? 1 : 0});
}

// Written only when a γ was chosen: its absence means "none", as in files from before it existed.
void writeCalibration(h5::Writer& out, const Calibration& c)
{
    if (!c.chosen())
        return;
    out.createGroup(model_layout::kCalibration);
    const std::string g = std::string(model_layout::kCalibration) + "/";
    out.writeScalar(g + "gamma", c.gamma);
    out.writeScalar(g + "validation_unseen", c.validationUnseen);
    out.writeScalar(g + "validation_seen", c.validationSeen);
    out.writeScalar(g + "validation_h", c.validationHarmonic);
    out.writeScalar(g + "validation_ausuc", c.validationAusuc);
}

void writeHistory(h5::Writer& out, const std::vector<EpochReport>& history)
{
    out.createGroup(model_layout::kHistory);
    const std::string g = std::string(model_layout::kHistory) + "/";
    std::vector<std::int32_t> epochs;
    for (const EpochReport& r : history)
        epochs.push_back(r.epoch);
    writeIndices(out, g + "epoch", epochs);
    for (const model_layout::HistoryColumn& column : model_layout::historyColumns()) {
        std::vector<double> values;
        for (const EpochReport& r : history)
            values.push_back(r.*column.member);
        out.writeArray(g + column.name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {values.size()},
                       values.data());
    }
}

void writeRootAttributes(h5::Writer& out, const ModelState& s)
{
    out.writeAttribute("format", std::string(model_layout::kFormat));
    out.writeAttribute("version", model_layout::kVersion);
    out.writeAttribute(model_layout::kChecksum, std::int64_t{modelChecksum(s)});
    // A summary for h5dump and h5py users; the reader checks that it agrees with /config.
    out.writeAttribute("method", std::string(methodName(s.config.method)));
    out.writeAttribute("tau", s.config.tau);
    out.writeAttribute("lambda1", s.config.lambda1);
    out.writeAttribute("lambda2", s.config.lambda2);
    out.writeAttribute("attribute_stats", std::string(attributeStatsName(s.config.attributeStats)));
    out.writeAttribute("seed", s.config.seed);
    out.writeAttribute("dataset", s.datasetName);
    out.writeAttribute("splits_hash", s.splitsHash);
    out.writeAttribute("feature_dim", s.featureDim);
    out.writeAttribute("embedding_dim", s.embeddingDim);
    out.writeAttribute("completed_epochs", std::int64_t{s.completedEpochs});
}

void writeContents(h5::Writer& out, const ModelState& s)
{
    writeRootAttributes(out, s);
    writeConfig(out, s.config);
    out.createGroup("/normalization");
    writeFloats(out, "/normalization/feature_mean", s.featureNormalizer.mean,
                {s.featureNormalizer.mean.size()});
    writeFloats(out, "/normalization/feature_std", s.featureNormalizer.stddev,
                {s.featureNormalizer.stddev.size()});
    writeFloats(out, "/normalization/embedding_mean", s.embeddingNormalizer.mean,
                {s.embeddingNormalizer.mean.size()});
    writeFloats(out, "/normalization/embedding_std", s.embeddingNormalizer.stddev,
                {s.embeddingNormalizer.stddev.size()});
    writeTensors(out, model_layout::kWeights, s.parameters);

    out.createGroup("/classes");
    out.writeStrings("/classes/names", s.classNames);
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
        out.createGroup(model_layout::kCheckpoint);
        writeTensors(out, model_layout::kOptimizer, s.optimizerState);
    }
}

} // namespace

void writeModelFile(const ModelState& state, const std::string& path)
{
    try {
        h5::Writer out(path);
        writeContents(out, state);
        out.save();
    } catch (const DataError& e) {
        // The storage layer speaks of data files; for the caller this is a model not saved.
        throw ModelError(e.what());
    }
}

} // namespace semrel
