// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "dataset/dataset_matrices.h"

#include <semrel/exploration/attribute_bins.h>
#include <semrel/exploration/matrix_order.h>

#include <numeric>

namespace semrel::ui {

namespace {

std::shared_ptr<const Order> identity(std::int64_t count)
{
    auto order = std::make_shared<Order>(static_cast<std::size_t>(count));
    std::iota(order->begin(), order->end(), 0);
    return order;
}

} // namespace

const std::shared_ptr<const Order>& DatasetMatrices::classOrder(ClassOrder order) const
{
    switch (order) {
    case ClassOrder::BySimilarity:
        return bySimilarity;
    case ClassOrder::ByName:
        return byName;
    case ClassOrder::AsGiven:
        break;
    }
    return asGiven;
}

const std::shared_ptr<const Order>& DatasetMatrices::attributeOrder(ClassOrder order) const
{
    return order == ClassOrder::BySimilarity ? attributesByCorrelation : attributesAsGiven;
}

DatasetMatrices prepareDatasetMatrices(std::shared_ptr<const Dataset> data)
{
    DatasetMatrices m;
    m.data = std::move(data);
    const Dataset& d = *m.data;
    m.deltas = std::make_shared<const ClassDeltas>(d);
    m.shades = std::make_shared<const FloatMatrix>(attributeShades(d.classEmbeddings));
    auto names = std::make_shared<QStringList>();
    names->reserve(static_cast<qsizetype>(d.classNames.size()));
    for (const std::string& name : d.classNames)
        names->append(QString::fromStdString(name));
    m.classNames = std::move(names);
    m.asGiven = identity(d.classCount());
    m.bySimilarity = std::make_shared<const Order>(similarityOrder(m.deltas->unitRows()));
    m.byName = std::make_shared<const Order>(nameOrder(d.classNames, *m.asGiven));
    m.attributesAsGiven = identity(d.embeddingDim());
    m.attributesByCorrelation = std::make_shared<const Order>(columnSimilarityOrder(*m.shades));
    return m;
}

} // namespace semrel::ui
