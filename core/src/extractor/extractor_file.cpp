// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// The demo extractor file: root attributes format = "semrel-extractor", version, architecture,
// feature_dim, input_{channels,height,width}; /normalization/{mean,std} float32 [channels];
// /weights/<parameter> float32 in the parameter's shape; optional /training/classes strings.
// Only numbers are read back into a network whose layout the code fixes: no code is loaded.
#include "extractor/demo_cnn.h"
#include "storage/hdf5_reader.h"
#include "storage/hdf5_writer.h"

#include <semrel/errors.h>

#include <cmath>

namespace semrel {

namespace {

constexpr const char* kFormat = "semrel-extractor";
constexpr std::int64_t kVersion = 1;
constexpr const char* kArchitecture = "demo-cnn-1";

h5::Dims dimsOf(const torch::Tensor& t)
{
    h5::Dims dims;
    for (std::int64_t size : t.sizes())
        dims.push_back(static_cast<hsize_t>(size));
    return dims;
}

std::string shapeText(const h5::Dims& dims)
{
    std::string text = "[";
    for (std::size_t i = 0; i < dims.size(); ++i)
        text += (i ? ", " : "") + std::to_string(dims[i]);
    return text + "]";
}

std::vector<float> readFloats(const h5::Reader& in, const std::string& field, const h5::Dims& dims)
{
    const h5::Array array = in.open(field, H5T_FLOAT, static_cast<int>(dims.size()));
    if (array.dims() != dims)
        in.fail(field, "has shape " + shapeText(array.dims()) + ", expected " + shapeText(dims));
    std::vector<float> values = array.readAll<float>(H5T_NATIVE_FLOAT);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            in.fail(field, "has a non-finite value at element " + std::to_string(i));
    return values;
}

void checkHeader(const h5::Reader& in)
{
    if (!in.hasAttribute("format"))
        in.fail("", "has no format attribute: not a SemRel feature extractor file");
    const std::string format = in.stringAttribute("format");
    if (format != kFormat)
        in.fail("", "format attribute is '" + format + "', expected '" + kFormat + "'");
    const std::int64_t version = in.intAttribute("version");
    if (version < 1 || version > kVersion)
        in.fail("", "is extractor format version " + std::to_string(version) +
                        "; this build reads version " + std::to_string(kVersion));
    const std::string architecture = in.stringAttribute("architecture");
    if (architecture != kArchitecture)
        in.fail("", "architecture attribute is '" + architecture + "', expected '" + kArchitecture +
                        "'");
    const std::int64_t side = DemoCnnImpl::kSide;
    if (in.intAttribute("input_channels") != 1 || in.intAttribute("input_height") != side ||
        in.intAttribute("input_width") != side)
        in.fail("", "input size attributes are not 1 x 28 x 28, the demo CNN's input");
}

} // namespace

void writeDemoCnnFile(const DemoCnnExtractor& extractor, const std::string& path)
{
    h5::Writer out(path);
    out.writeAttribute("format", std::string(kFormat));
    out.writeAttribute("version", kVersion);
    out.writeAttribute("architecture", std::string(kArchitecture));
    out.writeAttribute("feature_dim", extractor.featureDim);
    out.writeAttribute("input_channels", std::int64_t{extractor.input.channels});
    out.writeAttribute("input_height", std::int64_t{extractor.input.height});
    out.writeAttribute("input_width", std::int64_t{extractor.input.width});
    out.createGroup("/normalization");
    const hsize_t channels = extractor.input.mean.size();
    out.writeArray("/normalization/mean", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {channels},
                   extractor.input.mean.data());
    out.writeArray("/normalization/std", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {channels},
                   extractor.input.std.data());
    out.createGroup("/weights");
    for (const auto& p : extractor.net->named_parameters()) {
        const torch::Tensor values = p.value().detach().to(torch::kFloat32).contiguous();
        out.writeArray("/weights/" + p.key(), H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, dimsOf(values),
                       values.data_ptr<float>());
    }
    if (!extractor.trainedOn.empty()) {
        out.createGroup("/training");
        out.writeStrings("/training/classes", extractor.trainedOn);
    }
    out.save();
}

std::unique_ptr<DemoCnnExtractor> readDemoCnnFile(const std::string& path)
{
    const h5::Reader in(path);
    checkHeader(in);
    const std::int64_t featureDim = in.intAttribute("feature_dim");
    if (featureDim < 1 || featureDim > 65536)
        in.fail("",
                "feature_dim attribute is " + std::to_string(featureDim) + ", expected 1 to 65536");
    const std::vector<float> mean = readFloats(in, "/normalization/mean", {1});
    const std::vector<float> std = readFloats(in, "/normalization/std", {1});
    if (std[0] <= 0.0f)
        in.fail("/normalization/std", "is " + std::to_string(std[0]) + ", expected > 0");

    DemoCnn net(featureDim);
    torch::NoGradGuard noGrad;
    for (auto& p : net->named_parameters()) {
        const std::string field = "/weights/" + p.key();
        const std::vector<float> values = readFloats(in, field, dimsOf(p.value()));
        p.value().copy_(torch::from_blob(const_cast<float*>(values.data()), p.value().sizes()));
    }
    auto extractor = std::make_unique<DemoCnnExtractor>(net, mean[0], std[0]);
    if (in.exists("/training/classes"))
        extractor->trainedOn = in.open("/training/classes", H5T_STRING, 1).readStrings();
    return extractor;
}

} // namespace semrel
