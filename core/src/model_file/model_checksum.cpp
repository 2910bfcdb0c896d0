// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "model_file/model_checksum.h"

#include "model_file/model_file_layout.h"

#include <algorithm>
#include <cstring>
#include <zlib.h>

namespace semrel {

namespace {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__,
              "the checksum feeds values in memory order, which must be little-endian");

class Crc
{
public:
    void bytes(const void* data, std::size_t size)
    {
        const auto* p = static_cast<const Bytef*>(data);
        while (size > 0) {
            const auto piece = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
            m_crc = crc32(m_crc, p, piece);
            p += piece;
            size -= piece;
        }
    }
    void integer(std::int64_t value) { bytes(&value, sizeof value); }
    void real(double value) { bytes(&value, sizeof value); } // the bits: NaNs and -0 included
    void text(const std::string& s)
    {
        integer(static_cast<std::int64_t>(s.size()));
        bytes(s.data(), s.size());
    }
    template <typename T> void values(const std::vector<T>& v)
    {
        integer(static_cast<std::int64_t>(v.size()));
        bytes(v.data(), v.size() * sizeof(T));
    }
    void tensors(const std::vector<NamedTensor>& list)
    {
        integer(static_cast<std::int64_t>(list.size()));
        for (const NamedTensor& t : list) {
            text(t.name);
            values(t.shape);
            values(t.values);
        }
    }
    std::uint32_t value() const { return static_cast<std::uint32_t>(m_crc); }

private:
    uLong m_crc = 0;
};

void addConfig(Crc& crc, const TrainingConfig& c)
{
    crc.text(methodName(c.method));
    for (double v : {c.tau, c.lambda1, c.lambda2, c.learningRate, c.weightDecay})
        crc.real(v);
    for (std::int64_t v : {std::int64_t{c.candidates}, std::int64_t{c.batchSize},
                           std::int64_t{c.epochs}, std::int64_t{c.threads}})
        crc.integer(v);
    crc.bytes(&c.seed, sizeof c.seed);
    crc.values(c.network.encoderHidden);
    crc.values(c.network.decoderHidden);
    crc.text(splitName(c.trainSplit));
    crc.integer(c.evaluateEachEpoch ? 1 : 0);
    crc.text(c.checkpointPath);
    crc.text(attributeStatsName(c.attributeStats));
    crc.text(tuningSplitsName(c.tuningSplits));
    for (double v : {c.seenHoldout, c.eszslGamma, c.eszslLambda, c.saeLambda})
        crc.real(v);
    crc.text(saeDirectionName(c.saeDirection));
    // Only when set, so that files written before the option existed keep their checksum.
    if (c.bf16Mining)
        crc.text("bf16_mining");
}

void addCalibration(Crc& crc, const Calibration& c)
{
    for (double v :
         {c.gamma, c.validationUnseen, c.validationSeen, c.validationHarmonic, c.validationAusuc})
        crc.real(v);
}

} // namespace

std::uint32_t modelChecksum(const ModelState& s)
{
    Crc crc;
    addConfig(crc, s.config);
    crc.integer(s.featureDim);
    crc.integer(s.embeddingDim);
    for (const Normalizer* n : {&s.featureNormalizer, &s.embeddingNormalizer}) {
        crc.values(n->mean);
        crc.values(n->stddev);
    }
    crc.tensors(s.parameters);
    crc.integer(static_cast<std::int64_t>(s.classNames.size()));
    for (const std::string& name : s.classNames)
        crc.text(name);
    crc.integer(s.classEmbeddings.rows);
    crc.integer(s.classEmbeddings.cols);
    crc.values(s.classEmbeddings.values);
    crc.values(s.seenClasses);
    crc.values(s.unseenClasses);
    crc.integer(static_cast<std::int64_t>(s.history.size()));
    for (const EpochReport& r : s.history) {
        crc.integer(r.epoch);
        for (const model_layout::HistoryColumn& column : model_layout::historyColumns())
            crc.real(r.*column.member);
    }
    addCalibration(crc, s.calibration);
    crc.text(s.datasetName);
    crc.text(s.splitsHash);
    crc.tensors(s.optimizerState);
    crc.integer(s.completedEpochs);
    return crc.value();
}

} // namespace semrel
