// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// FeatureExtractor::prepareImage: any decoded image to the extractor's input layout. Plain C++;
// the ui only decodes the file, so every extractor sees its images prepared the same way.
#include <semrel/errors.h>
#include <semrel/extractor/feature_extractor.h>

#include <algorithm>
#include <cmath>

namespace semrel {

namespace {

// One channel of float pixels in [0, 255], row-major.
struct Plane
{
    int width = 0;
    int height = 0;
    std::vector<float> values;
    float at(int x, int y) const { return values[static_cast<std::size_t>(y) * width + x]; }
};

struct Box
{
    double x = 0, y = 0, width = 0, height = 0;
};

void checkView(const ImageView& v)
{
    if (!v.pixels || v.width < 1 || v.height < 1)
        throw DataError("the image is empty");
    if (v.channels != 1 && v.channels != 3 && v.channels != 4)
        throw DataError("the image has " + std::to_string(v.channels) +
                        " channels, expected 1 (grey), 3 (RGB) or 4 (RGBA)");
    if (v.bytesPerLine < v.width * v.channels)
        throw DataError("the image rows are " + std::to_string(v.bytesPerLine) +
                        " bytes apart, fewer than " + std::to_string(v.width * v.channels));
}

// The image as `channels` planes (1: grey by Rec. 601 luma, 3: RGB). Transparent pixels are
// composed over white, the usual background of a product photo.
std::vector<Plane> toPlanes(const ImageView& v, int channels)
{
    std::vector<Plane> planes(
        static_cast<std::size_t>(channels),
        Plane{v.width, v.height, std::vector<float>(std::size_t(v.width) * v.height)});
    for (int y = 0; y < v.height; ++y) {
        const std::uint8_t* row = v.pixels + static_cast<std::ptrdiff_t>(y) * v.bytesPerLine;
        for (int x = 0; x < v.width; ++x) {
            const std::uint8_t* p = row + x * v.channels;
            const bool colour = v.channels >= 3;
            float rgb[3] = {float(p[0]), float(colour ? p[1] : p[0]), float(colour ? p[2] : p[0])};
            const float alpha = v.channels == 4 ? p[3] / 255.0f : 1.0f;
            for (float& c : rgb)
                c = alpha * c + (1.0f - alpha) * 255.0f;
            const std::size_t i = static_cast<std::size_t>(y) * v.width + x;
            if (channels == 1)
                planes[0].values[i] = 0.299f * rgb[0] + 0.587f * rgb[1] + 0.114f * rgb[2];
            else
                for (int c = 0; c < 3; ++c)
                    planes[static_cast<std::size_t>(c)].values[i] = rgb[c];
        }
    }
    return planes;
}

// Weights of the source pixels that output pixel i covers when [start, start + count * step)
// is resampled to `count` pixels: each source pixel weighs by its overlap (area averaging, which
// also interpolates when enlarging).
std::vector<std::pair<int, float>> coverage(double start, double step, int i, int sourceSize)
{
    const double a = start + i * step;
    const double b = a + step;
    std::vector<std::pair<int, float>> weights;
    for (int k = static_cast<int>(std::floor(a)); k < static_cast<int>(std::ceil(b)); ++k) {
        const double overlap = std::min(b, k + 1.0) - std::max(a, double(k));
        if (overlap > 0)
            weights.emplace_back(std::clamp(k, 0, sourceSize - 1),
                                 static_cast<float>(overlap / step));
    }
    return weights;
}

Plane resample(const Plane& in, const Box& box, int width, int height)
{
    Plane across{width, in.height, std::vector<float>(std::size_t(width) * in.height)};
    const double stepX = box.width / width;
    for (int x = 0; x < width; ++x)
        for (const auto& [k, w] : coverage(box.x, stepX, x, in.width))
            for (int y = 0; y < in.height; ++y)
                across.values[std::size_t(y) * width + x] += w * in.at(k, y);
    Plane out{width, height, std::vector<float>(std::size_t(width) * height)};
    const double stepY = box.height / height;
    for (int y = 0; y < height; ++y)
        for (const auto& [k, w] : coverage(box.y, stepY, y, in.height))
            for (int x = 0; x < width; ++x)
                out.values[std::size_t(y) * width + x] += w * across.at(x, k);
    return out;
}

float borderMean(const Plane& p)
{
    double sum = 0;
    int n = 0;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x)
            if (y == 0 || x == 0 || y == p.height - 1 || x == p.width - 1)
                sum += p.at(x, y), ++n;
    return static_cast<float>(sum / n);
}

// The smallest box holding every pixel brighter than a tenth of full scale (the object on its
// dark background), or the whole image when nothing is.
Box objectBox(const Plane& p)
{
    int x0 = p.width, y0 = p.height, x1 = -1, y1 = -1;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < p.width; ++x)
            if (p.at(x, y) > 25.5f)
                x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x),
                y1 = std::max(y1, y);
    if (x1 < 0)
        return {0, 0, double(p.width), double(p.height)};
    return {double(x0), double(y0), double(x1 - x0 + 1), double(y1 - y0 + 1)};
}

// Fashion-MNIST's own recipe: light object on black, trimmed to the object, longest side
// scaled to the canvas, centred.
Plane fitLikeFashionMnist(Plane grey, int side)
{
    if (borderMean(grey) > 127.5f)
        for (float& v : grey.values)
            v = 255.0f - v;
    const Box box = objectBox(grey);
    const double scale = side / std::max(box.width, box.height);
    const int w = std::clamp(static_cast<int>(std::lround(box.width * scale)), 1, side);
    const int h = std::clamp(static_cast<int>(std::lround(box.height * scale)), 1, side);
    const Plane object = resample(grey, box, w, h);
    Plane canvas{side, side, std::vector<float>(std::size_t(side) * side, 0.0f)};
    const int left = (side - w) / 2;
    const int top = (side - h) / 2;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            canvas.values[std::size_t(top + y) * side + left + x] = object.at(x, y);
    return canvas;
}

// torchvision's evaluation transform: shorter side to 256, centre crop of 224. Here the centred
// square that becomes the crop is resampled once, straight to the input size.
Box centreCrop(const Plane& p)
{
    const double crop = std::min(p.width, p.height) * 224.0 / 256.0;
    return {(p.width - crop) / 2.0, (p.height - crop) / 2.0, crop, crop};
}

} // namespace

std::vector<std::uint8_t> FeatureExtractor::prepareImage(const ImageView& image) const
{
    checkView(image);
    const ExtractorInput& in = input();
    std::vector<Plane> planes = toPlanes(image, in.channels);
    for (Plane& p : planes) {
        if (in.darkBackground && in.channels == 1 && in.width == in.height)
            p = fitLikeFashionMnist(std::move(p), in.width);
        else if (in.width == in.height)
            p = resample(p, centreCrop(p), in.width, in.height);
        else
            p = resample(p, {0, 0, double(p.width), double(p.height)}, in.width, in.height);
    }
    std::vector<std::uint8_t> pixels(std::size_t(in.width) * in.height * in.channels);
    for (std::size_t i = 0; i < std::size_t(in.width) * in.height; ++i)
        for (int c = 0; c < in.channels; ++c)
            pixels[i * in.channels + c] = static_cast<std::uint8_t>(
                std::clamp(std::lround(planes[std::size_t(c)].values[i]), 0L, 255L));
    return pixels;
}

} // namespace semrel
