// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "extractor/demo_cnn.h"

#include <semrel/errors.h>
#include <semrel/kernels/threads.h>

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

namespace semrel {

DemoCnnImpl::DemoCnnImpl(std::int64_t featureDim)
{
    using namespace torch::nn;
    conv1 = register_module("conv1", Conv2d(Conv2dOptions(1, kConv1Channels, 5).padding(2)));
    conv2 = register_module("conv2",
                            Conv2d(Conv2dOptions(kConv1Channels, kConv2Channels, 3).padding(1)));
    fc = register_module("fc", Linear(kConv2Channels * kPooledSide * kPooledSide, featureDim));
}

torch::Tensor DemoCnnImpl::forward(torch::Tensor x)
{
    x = torch::max_pool2d(torch::relu(conv1->forward(x)), 2);
    x = torch::max_pool2d(torch::relu(conv2->forward(x)), 2);
    return torch::relu(fc->forward(x.flatten(1)));
}

DemoCnnExtractor::DemoCnnExtractor(DemoCnn network, float mean, float std) : net(std::move(network))
{
    kind = ExtractorKind::DemoCnn;
    input.channels = 1;
    input.height = static_cast<int>(DemoCnnImpl::kSide);
    input.width = static_cast<int>(DemoCnnImpl::kSide);
    input.mean = {mean};
    input.std = {std};
    input.darkBackground = true;
    featureDim = net->fc->options.out_features();
    net->eval();
}

torch::Tensor DemoCnnExtractor::forward(const torch::Tensor& batch)
{
    torch::NoGradGuard noGrad;
    return net->forward(batch);
}

std::string DemoCnnExtractor::description() const
{
    return "demo CNN (28x28 grey -> " + std::to_string(featureDim) + ")";
}

namespace {

// Sets the thread count for the duration of training and puts the caller's back afterwards.
class ThreadCountScope
{
public:
    explicit ThreadCountScope(int threads) : m_previous(currentThreadCount())
    {
        configureThreads(threads);
    }
    ~ThreadCountScope() { configureThreads(m_previous); }
    ThreadCountScope(const ThreadCountScope&) = delete;
    ThreadCountScope& operator=(const ThreadCountScope&) = delete;

private:
    int m_previous;
};

void checkTrainingInput(const ImagePixels& images, const std::vector<std::int32_t>& labels,
                        const ExtractorTrainingSpec& spec)
{
    if (images.height != DemoCnnImpl::kSide || images.width != DemoCnnImpl::kSide)
        throw DataError("demo CNN training: the images are " + std::to_string(images.height) + "x" +
                        std::to_string(images.width) + ", expected 28x28");
    if (images.count < 2 || static_cast<std::int64_t>(labels.size()) != images.count)
        throw DataError("demo CNN training: " + std::to_string(images.count) + " images and " +
                        std::to_string(labels.size()) + " labels; expected >= 2 of each, as many");
    if (spec.epochs < 1 || spec.batchSize < 1 || spec.featureDim < 1 || spec.learningRate <= 0)
        throw DataError("demo CNN training: epochs, batch size, feature dimension and learning "
                        "rate must be positive");
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] < 0)
            throw DataError("demo CNN training: label " + std::to_string(labels[i]) + " at image " +
                            std::to_string(i) + " is negative");
}

// He-uniform weights and zero biases drawn from our own generator: the global one would make
// the result depend on whatever else the process drew before.
void initialise(torch::nn::Module& net, at::Generator& generator)
{
    torch::NoGradGuard noGrad;
    for (auto& p : net.named_parameters()) {
        torch::Tensor& t = p.value();
        if (t.dim() == 1) {
            t.zero_();
            continue;
        }
        const double fanIn = static_cast<double>(t.numel() / t.size(0));
        const double bound = std::sqrt(6.0 / fanIn);
        t.uniform_(-bound, bound, generator);
    }
}

} // namespace

ExtractorTrainingResult trainDemoExtractor(const ImagePixels& images,
                                           const std::vector<std::int32_t>& labels,
                                           const ExtractorTrainingSpec& spec,
                                           const ProgressCallback& progress)
{
    checkTrainingInput(images, labels, spec);
    const ThreadCountScope threads(spec.threads);
    const std::int64_t n = images.count;
    const std::int64_t classes = *std::max_element(labels.begin(), labels.end()) + 1;

    // uint8 -> [0, 1] -> standardised with the training images' own mean and std.
    torch::Tensor x =
        torch::from_blob(const_cast<std::uint8_t*>(images.values.data()),
                         {n, 1, DemoCnnImpl::kSide, DemoCnnImpl::kSide}, torch::kUInt8)
            .to(torch::kFloat32)
            .div_(255.0f);
    const float mean = x.mean().item<float>();
    const float std = std::max(x.std().item<float>(), 1e-6f);
    x.sub_(mean).div_(std);
    const torch::Tensor y =
        torch::from_blob(const_cast<std::int32_t*>(labels.data()), {n}, torch::kInt32)
            .to(torch::kInt64);

    at::Generator generator = at::detail::createCPUGenerator(spec.seed);
    DemoCnn net(spec.featureDim);
    torch::nn::Linear head(spec.featureDim, classes);
    initialise(*net, generator);
    initialise(*head, generator);
    std::vector<torch::Tensor> parameters = net->parameters();
    for (const torch::Tensor& p : head->parameters())
        parameters.push_back(p);
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(spec.learningRate));

    const std::int64_t batches = (n + spec.batchSize - 1) / spec.batchSize;
    double lossSum = 0.0;
    std::int64_t correct = 0;
    for (int epoch = 0; epoch < spec.epochs; ++epoch) {
        const torch::Tensor order = torch::randperm(n, generator, torch::kInt64);
        lossSum = 0.0;
        correct = 0;
        for (std::int64_t b = 0; b < batches; ++b) {
            const torch::Tensor idx =
                order.slice(0, b * spec.batchSize, std::min(n, (b + 1) * spec.batchSize));
            const torch::Tensor logits = head->forward(net->forward(x.index_select(0, idx)));
            const torch::Tensor target = y.index_select(0, idx);
            const torch::Tensor loss = torch::cross_entropy_loss(logits, target);
            const double lossValue = loss.item<double>();
            if (!std::isfinite(lossValue))
                throw TrainingError("demo CNN training: the loss is not finite at epoch " +
                                    std::to_string(epoch + 1) + ", batch " + std::to_string(b + 1));
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            lossSum += lossValue * static_cast<double>(idx.size(0));
            correct += logits.argmax(1).eq(target).sum().item<std::int64_t>();
            if (progress && (b % 20 == 0 || b + 1 == batches))
                progress((epoch + static_cast<double>(b + 1) / static_cast<double>(batches)) /
                             spec.epochs,
                         "training the CNN, epoch " + std::to_string(epoch + 1) + " of " +
                             std::to_string(spec.epochs));
        }
    }
    auto impl = std::make_unique<DemoCnnExtractor>(net, mean, std);
    impl->trainedOn = spec.classNames;
    return {FeatureExtractor(std::move(impl)), lossSum / static_cast<double>(n),
            static_cast<double>(correct) / static_cast<double>(n)};
}

} // namespace semrel
