// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "extractor/demo_cnn.h"
#include "extractor/extractor_impl.h"

#include <semrel/errors.h>
#include <semrel/extractor/feature_extractor.h>
#include <semrel/storage/input_file.h>

#include <torch/script.h>

#include <fstream>

namespace semrel {

namespace {

// A user's TorchScript module for datasets whose features come from an ImageNet network
// (xlsa17: ResNet-101, 2048-D pooled features).
class TorchScriptExtractor : public FeatureExtractor::Impl
{
public:
    static constexpr int kSide = 224;

    TorchScriptExtractor(torch::jit::script::Module module, std::string path)
        : m_module(std::move(module)), m_path(std::move(path))
    {
        kind = ExtractorKind::TorchScript;
        input.channels = 3;
        input.height = kSide;
        input.width = kSide;
        input.mean = {0.485f, 0.456f, 0.406f}; // ImageNet, as torchvision's pretrained weights
        input.std = {0.229f, 0.224f, 0.225f};
        m_module.eval();
        // One run on a blank image tells the feature size and catches an unsuitable module now
        // rather than at the first query.
        featureDim = forward(torch::zeros({1, 3, kSide, kSide})).size(1);
    }

    torch::Tensor forward(const torch::Tensor& batch) override
    {
        torch::NoGradGuard noGrad;
        torch::IValue out;
        try {
            out = m_module.forward({batch});
        } catch (const c10::Error& e) {
            throw ModelError(m_path + ": the TorchScript module failed on a [" +
                             std::to_string(batch.size(0)) +
                             ", 3, 224, 224] image batch: " + e.what_without_backtrace());
        } catch (const std::exception& e) {
            // The interpreter reports errors raised inside the script as JITException.
            throw ModelError(m_path + ": the TorchScript module failed on a [" +
                             std::to_string(batch.size(0)) +
                             ", 3, 224, 224] image batch: " + e.what());
        }
        if (!out.isTensor())
            throw ModelError(m_path + ": the TorchScript module returns a " + out.tagKind() +
                             ", expected a feature tensor");
        torch::Tensor features = out.toTensor();
        // [B, d, 1, 1] (a pooled map) and [B, d] are both a feature per image.
        if (features.dim() < 2 || features.size(0) != batch.size(0) ||
            features.numel() != features.size(0) * features.size(1))
            throw ModelError(m_path + ": the TorchScript module returns shape " +
                             c10::str(features.sizes()) + ", expected [" +
                             std::to_string(batch.size(0)) + ", d] or [" +
                             std::to_string(batch.size(0)) + ", d, 1, 1]");
        return features.reshape({features.size(0), features.size(1)}).to(torch::kFloat32);
    }

    std::string description() const override
    {
        return "TorchScript module " + m_path + " (224x224 RGB -> " + std::to_string(featureDim) +
               ")";
    }

private:
    torch::jit::script::Module m_module;
    std::string m_path;
};

std::string fileStart(const std::string& path)
{
    requireRegularFile(path); // a FIFO would block the read below
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError(path + ": cannot open the feature extractor file");
    std::string start(8, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    return start;
}

std::unique_ptr<FeatureExtractor::Impl> loadTorchScript(const std::string& path)
{
    torch::jit::script::Module module;
    try {
        module = torch::jit::load(path, torch::kCPU);
    } catch (const c10::Error& e) {
        throw ModelError(path +
                         ": not a loadable TorchScript module: " + e.what_without_backtrace());
    }
    return std::make_unique<TorchScriptExtractor>(std::move(module), path);
}

} // namespace

FeatureExtractor FeatureExtractor::load(const std::string& path)
{
    const std::string start = fileStart(path);
    if (start == std::string("\x89HDF\r\n\x1a\n", 8))
        return FeatureExtractor(readDemoCnnFile(path));
    // torch.jit.save writes a zip archive.
    if (start.rfind("PK", 0) == 0)
        return FeatureExtractor(loadTorchScript(path));
    throw DataError(path + ": neither a demo extractor (.h5, HDF5) nor a TorchScript module (.pt, "
                           "a zip archive)");
}

FeatureExtractor::FeatureExtractor(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
FeatureExtractor::FeatureExtractor(FeatureExtractor&&) noexcept = default;
FeatureExtractor& FeatureExtractor::operator=(FeatureExtractor&&) noexcept = default;
FeatureExtractor::~FeatureExtractor() = default;

ExtractorKind FeatureExtractor::kind() const
{
    return m_impl->kind;
}
const ExtractorInput& FeatureExtractor::input() const
{
    return m_impl->input;
}
std::int64_t FeatureExtractor::featureDim() const
{
    return m_impl->featureDim;
}
std::string FeatureExtractor::description() const
{
    return m_impl->description();
}

std::vector<float> FeatureExtractor::extract(const std::uint8_t* pixels) const
{
    const FloatMatrix row = extractBatch(pixels, 1);
    return row.values;
}

FloatMatrix FeatureExtractor::extractBatch(const std::uint8_t* pixels, std::int64_t count,
                                           const ProgressCallback& progress) const
{
    const ExtractorInput& in = m_impl->input;
    const std::int64_t imageBytes = std::int64_t{in.channels} * in.height * in.width;
    // Bounded batches bound the memory of the convolutions' unfolded inputs.
    constexpr std::int64_t kBatch = 256;
    const torch::Tensor mean = torch::tensor(in.mean).view({1, in.channels, 1, 1});
    const torch::Tensor std = torch::tensor(in.std).view({1, in.channels, 1, 1});
    FloatMatrix features(count, m_impl->featureDim);
    for (std::int64_t start = 0; start < count; start += kBatch) {
        const std::int64_t size = std::min(kBatch, count - start);
        torch::Tensor batch =
            torch::from_blob(const_cast<std::uint8_t*>(pixels + start * imageBytes),
                             {size, in.height, in.width, in.channels}, torch::kUInt8)
                .permute({0, 3, 1, 2})
                .to(torch::kFloat32)
                .div_(255.0f)
                .sub_(mean)
                .div_(std)
                .contiguous();
        const torch::Tensor out = m_impl->forward(batch).contiguous();
        std::copy(out.data_ptr<float>(), out.data_ptr<float>() + out.numel(), features.row(start));
        if (progress)
            progress(static_cast<double>(start + size) / static_cast<double>(count),
                     "extracting features");
    }
    return features;
}

std::vector<float> FeatureExtractor::extractImage(const ImageView& image) const
{
    return extract(prepareImage(image).data());
}

void FeatureExtractor::save(const std::string& path) const
{
    const auto* cnn = dynamic_cast<const DemoCnnExtractor*>(m_impl.get());
    if (!cnn)
        throw ModelError("only a demo CNN extractor can be saved; a TorchScript module stays in "
                         "the user's own file");
    writeDemoCnnFile(*cnn, path);
}

} // namespace semrel
