// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/tune_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>
#include <stdexcept>

namespace semrel::ui {

namespace {

QString joined(const std::vector<double>& values)
{
    QStringList texts;
    for (double v : values)
        texts << QString::number(v);
    return texts.join(QStringLiteral(", "));
}

// "0, 0.2, 0.4" -> {0, 0.2, 0.4}; throws std::invalid_argument naming `field` and the item.
std::vector<double> parsed(const QLineEdit* edit, const QString& field)
{
    std::vector<double> values;
    for (const QString& item : edit->text().split(QLatin1Char(','))) {
        bool ok = false;
        const double value = item.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            throw std::invalid_argument(
                QObject::tr("%1: '%2' is not a number").arg(field, item.trimmed()).toStdString());
        values.push_back(value);
    }
    return values;
}

} // namespace

TuneDialog::TuneDialog(const TrainingConfig& base, QWidget* parent)
    : QDialog(parent), m_base(base), m_taus(new QLineEdit(this)), m_lambda1s(new QLineEdit(this)),
      m_lambda2s(new QLineEdit(this)),
      m_chooseStats(new QCheckBox(tr("Let validation choose them (seen or all classes)"), this)),
      m_epochs(new QSpinBox(this)), m_summary(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Tune τ, λ1, λ2"));
    m_taus->setObjectName(QStringLiteral("taus"));
    m_lambda1s->setObjectName(QStringLiteral("lambda1s"));
    m_lambda2s->setObjectName(QStringLiteral("lambda2s"));
    m_chooseStats->setObjectName(QStringLiteral("chooseAttributeStats"));
    m_chooseStats->setToolTip(
        tr("Every point is tried with the class embeddings normalised over the seen classes and "
           "over all classes; unchecked, the form's choice (%1) is kept.")
            .arg(QString::fromUtf8(attributeStatsName(base.attributeStats))));
    m_epochs->setRange(1, 100000);
    m_summary->setWordWrap(true);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Tune"));
    auto* form = new QFormLayout;
    form->addRow(tr("τ values:"), m_taus);
    form->addRow(tr("λ1 values:"), m_lambda1s);
    form->addRow(tr("λ2 values:"), m_lambda2s);
    form->addRow(tr("Attribute statistics:"), m_chooseStats);
    form->addRow(tr("Epochs per run:"), m_epochs);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Every combination is trained on the train split and scored "
                                    "on val; the best is then trained on trainval."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* edit : {m_taus, m_lambda1s, m_lambda2s})
        connect(edit, &QLineEdit::textChanged, this, &TuneDialog::check);
    connect(m_epochs, &QSpinBox::valueChanged, this, &TuneDialog::check);
    connect(m_chooseStats, &QCheckBox::toggled, this, &TuneDialog::check);
    m_epochs->setValue(base.epochs);
    // ESZSL and SAE search the core's own grids (tuning.h, the public implementation's values):
    // the τ and λ lists, the attribute statistics and the epochs do not apply to them.
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_taus, m_lambda1s, m_lambda2s, m_chooseStats, m_epochs})
        w->setEnabled(!isClosedForm(base.method));
    setGrid(TuningGrid{});
}

void TuneDialog::setGrid(const TuningGrid& grid)
{
    m_taus->setText(joined(grid.taus));
    m_lambda1s->setText(joined(grid.lambda1s));
    m_lambda2s->setText(joined(grid.lambda2s));
    const QSignalBlocker quiet(m_chooseStats);
    m_chooseStats->setChecked(grid.attributeStats.size() > 1);
    check();
}

void TuneDialog::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

TuningGrid TuneDialog::enteredGrid() const
{
    TuningGrid grid;
    grid.taus = parsed(m_taus, tr("τ values"));
    grid.lambda1s = parsed(m_lambda1s, tr("λ1 values"));
    grid.lambda2s = parsed(m_lambda2s, tr("λ2 values"));
    if (m_chooseStats->isChecked())
        grid.attributeStats = {AttributeStats::Seen, AttributeStats::All};
    return grid;
}

TuningGrid TuneDialog::grid() const
{
    try {
        return enteredGrid();
    } catch (const std::exception&) {
        return {};
    }
}

int TuneDialog::epochs() const
{
    return m_epochs->value();
}

void TuneDialog::check()
{
    m_problem.clear();
    try {
        const TuningGrid grid = enteredGrid();
        TrainingConfig base = m_base;
        base.epochs = m_epochs->value();
        const auto points = static_cast<int>(tuningPoints(base, grid).size());
        if (isClosedForm(base.method))
            m_summary->setText(
                tr("%n point(s) of %1's grid: one closed-form solve each on train, scored on val, "
                   "then one on trainval.",
                   nullptr, points)
                    .arg(QString::fromUtf8(methodName(base.method))));
        else
            m_summary->setText(
                tr("%n distinct point(s) for %1: %n training(s) of %2 epochs on train, then one "
                   "on trainval.",
                   nullptr, points)
                    .arg(QString::fromUtf8(methodName(base.method)))
                    .arg(base.epochs));
    } catch (const std::exception& e) {
        m_problem = QString::fromUtf8(e.what());
        m_summary->setText(m_problem);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem.isEmpty());
}

} // namespace semrel::ui
