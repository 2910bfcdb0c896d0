// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "training/training_form.h"

#include <semrel/errors.h>
#include <semrel/kernels/threads.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace semrel::ui {

namespace {

QString layersText(const std::vector<int>& layers)
{
    QStringList parts;
    for (int width : layers)
        parts.append(QString::number(width));
    return parts.join(QStringLiteral(", "));
}

std::vector<int> parseLayers(const QString& text, const QString& field)
{
    std::vector<int> layers;
    const QStringList parts = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        bool ok = false;
        const int width = part.trimmed().toInt(&ok);
        if (!ok || width < 1)
            throw Error(
                QStringLiteral("%1: expected layer widths such as \"512, 1024\", found \"%2\"")
                    .arg(field, text)
                    .toStdString());
        layers.push_back(width);
    }
    return layers;
}

QDoubleSpinBox* doubleBox(double low, double high, double step, int decimals, QWidget* parent)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(low, high);
    box->setSingleStep(step);
    box->setDecimals(decimals);
    return box;
}

QSpinBox* intBox(int low, int high, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(low, high);
    return box;
}

} // namespace

TrainingForm::TrainingForm(QWidget* parent)
    : QWidget(parent), m_preset(new QComboBox(this)), m_encoderHidden(new QLineEdit(this)),
      m_decoderHidden(new QLineEdit(this)), m_method(new QComboBox(this)),
      m_trainSplit(new QComboBox(this)), m_tau(doubleBox(-0.99, 1.0, 0.05, 2, this)),
      m_lambda1(doubleBox(0.0, 1000.0, 0.1, 3, this)),
      m_lambda2(doubleBox(0.0, 1000.0, 0.1, 3, this)), m_attributeStats(new QComboBox(this)),
      m_tuningSplits(new QComboBox(this)), m_eszslGamma(doubleBox(1e-6, 1e6, 0.1, 6, this)),
      m_eszslLambda(doubleBox(1e-6, 1e6, 0.1, 6, this)),
      m_saeLambda(doubleBox(1e-6, 1e6, 0.1, 6, this)), m_saeDirection(new QComboBox(this)),
      m_candidates(intBox(1, kMaxCandidates, this)),
      m_bf16Mining(new QCheckBox(tr("Mine on a bfloat16 copy (faster, not exact)"), this)),
      m_batchSize(intBox(1, kMaxBatchSize, this)), m_epochs(intBox(1, kMaxEpochs, this)),
      m_learningRate(doubleBox(1e-6, 1.0, 1e-4, 6, this)),
      m_seed(intBox(0, std::numeric_limits<int>::max(), this)),
      m_threads(intBox(0, coreCount(), this)),
      m_evaluateEachEpoch(new QCheckBox(tr("Evaluate after each epoch"), this))
{
    m_preset->addItem(tr("Custom"), QString());
    for (const std::string& name : networkPresetNames())
        m_preset->addItem(QString::fromStdString(name).toUpper(), QString::fromStdString(name));
    m_method->addItem(tr("Proposed"), QStringLiteral("proposed"));
    m_method->addItem(tr("B1: MSE + reconstruction"), QStringLiteral("b1"));
    m_method->addItem(tr("B2: τ = 1, λ1 = 0"), QStringLiteral("b2"));
    m_method->addItem(tr("B3: encoder only, λ2 = 0"), QStringLiteral("b3"));
    m_method->addItem(tr("ESZSL (closed form)"), QStringLiteral("eszsl"));
    m_method->addItem(tr("SAE (closed form)"), QStringLiteral("sae"));
    m_trainSplit->addItem(tr("trainval (final model)"), int(Split::Trainval));
    m_trainSplit->addItem(tr("train (tune on val)"), int(Split::Train));
    // The protocol's choices (docs/REPRODUCTION.md): stored in the model file, shown on loading.
    m_attributeStats->addItem(tr("seen classes"), QStringLiteral("seen"));
    m_attributeStats->addItem(tr("all classes"), QStringLiteral("all"));
    m_attributeStats->setToolTip(tr("The classes the class-embedding normaliser is fitted on "
                                    "(the paper's methods; ESZSL and SAE take them as stored)."));
    m_tuningSplits->addItem(tr("trainval samples only"), QStringLiteral("trainval"));
    m_tuningSplits->addItem(tr("raw (as the file has them)"), QStringLiteral("raw"));
    m_tuningSplits->setToolTip(tr("xlsa17's train and val of AWA1, AWA2, SUN and FLO also hold "
                                  "test_seen samples: by default tuning leaves them out."));
    for (const SaeDirection d : {SaeDirection::SemanticToVisual, SaeDirection::VisualToSemantic})
        m_saeDirection->addItem(QString::fromUtf8(saeDirectionName(d)),
                                QString::fromUtf8(saeDirectionName(d)));
    m_threads->setSpecialValueText(tr("auto (%1)").arg(defaultThreadCount()));
    m_threads->setToolTip(tr("Threads for training; auto chooses per step, up to all cores."));
    m_candidates->setToolTip(tr("p: candidates sampled per similar / dissimilar side (Sec. 3.3)"));
    m_bf16Mining->setObjectName(QStringLiteral("bf16Mining"));
    m_bf16Mining->setToolTip(
        tr("Mining scores its candidates on a bfloat16 copy of the training features and "
           "recomputes the winner's score exactly: it reads half the bytes, so epochs are faster, "
           "but results are not bit-identical to exact mining (as semrel train --bf16-mining)."));

    auto* layout = new QFormLayout(this);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addRow(tr("Network preset"), m_preset);
    layout->addRow(tr("Encoder hidden"), m_encoderHidden);
    layout->addRow(tr("Decoder hidden"), m_decoderHidden);
    layout->addRow(tr("Method"), m_method);
    layout->addRow(tr("Train on"), m_trainSplit);
    layout->addRow(tr("τ"), m_tau);
    layout->addRow(tr("λ1 (O2)"), m_lambda1);
    layout->addRow(tr("λ2 (O3)"), m_lambda2);
    layout->addRow(tr("Attribute statistics"), m_attributeStats);
    layout->addRow(tr("Tuning samples"), m_tuningSplits);
    layout->addRow(tr("ESZSL γ"), m_eszslGamma);
    layout->addRow(tr("ESZSL λ"), m_eszslLambda);
    layout->addRow(tr("SAE λ"), m_saeLambda);
    layout->addRow(tr("SAE direction"), m_saeDirection);
    layout->addRow(tr("p (candidates)"), m_candidates);
    layout->addRow(m_bf16Mining);
    layout->addRow(tr("Batch size"), m_batchSize);
    layout->addRow(tr("Epochs"), m_epochs);
    layout->addRow(tr("Learning rate"), m_learningRate);
    layout->addRow(tr("Seed"), m_seed);
    layout->addRow(tr("Threads"), m_threads);
    layout->addRow(m_evaluateEachEpoch);

    setConfig(TrainingConfig{});
    connect(m_preset, &QComboBox::activated, this, &TrainingForm::onPresetChosen);
    connect(m_method, &QComboBox::currentIndexChanged, this, &TrainingForm::onMethodChosen);
    connect(m_trainSplit, &QComboBox::currentIndexChanged, this, &TrainingForm::onMethodChosen);
    // Editing a layer list by hand leaves the preset.
    for (QLineEdit* edit : {m_encoderHidden, m_decoderHidden})
        connect(edit, &QLineEdit::textEdited, this, [this] { m_preset->setCurrentIndex(0); });
}

TrainingConfig TrainingForm::config() const
{
    TrainingConfig config;
    config.method = methodFromName(m_method->currentData().toString().toStdString());
    config.trainSplit = static_cast<Split>(m_trainSplit->currentData().toInt());
    config.tau = m_tau->value();
    config.lambda1 = m_lambda1->value();
    config.lambda2 = m_lambda2->value();
    config.attributeStats =
        attributeStatsFromName(m_attributeStats->currentData().toString().toStdString());
    config.tuningSplits =
        tuningSplitsFromName(m_tuningSplits->currentData().toString().toStdString());
    config.eszslGamma = m_eszslGamma->value();
    config.eszslLambda = m_eszslLambda->value();
    config.saeLambda = m_saeLambda->value();
    config.saeDirection =
        saeDirectionFromName(m_saeDirection->currentData().toString().toStdString());
    config.candidates = m_candidates->value();
    config.bf16Mining = m_bf16Mining->isChecked();
    config.batchSize = m_batchSize->value();
    config.epochs = m_epochs->value();
    config.learningRate = m_learningRate->value();
    config.seed = static_cast<std::uint64_t>(m_seed->value());
    config.threads = m_threads->value();
    config.evaluateEachEpoch = m_evaluateEachEpoch->isChecked();
    config.network.encoderHidden = parseLayers(m_encoderHidden->text(), tr("Encoder hidden"));
    config.network.decoderHidden = parseLayers(m_decoderHidden->text(), tr("Decoder hidden"));
    return config;
}

void TrainingForm::setConfig(const TrainingConfig& config)
{
    m_method->setCurrentIndex(std::max(0, m_method->findData(QString(methodName(config.method)))));
    m_trainSplit->setCurrentIndex(std::max(0, m_trainSplit->findData(int(config.trainSplit))));
    m_tau->setValue(config.tau);
    m_lambda1->setValue(config.lambda1);
    m_lambda2->setValue(config.lambda2);
    const auto choose = [](QComboBox* box, const char* name) {
        box->setCurrentIndex(std::max(0, box->findData(QString::fromUtf8(name))));
    };
    choose(m_attributeStats, attributeStatsName(config.attributeStats));
    choose(m_tuningSplits, tuningSplitsName(config.tuningSplits));
    choose(m_saeDirection, saeDirectionName(config.saeDirection));
    m_eszslGamma->setValue(config.eszslGamma);
    m_eszslLambda->setValue(config.eszslLambda);
    m_saeLambda->setValue(config.saeLambda);
    m_candidates->setValue(config.candidates);
    m_bf16Mining->setChecked(config.bf16Mining);
    m_batchSize->setValue(config.batchSize);
    m_epochs->setValue(config.epochs);
    m_learningRate->setValue(config.learningRate);
    m_seed->setValue(
        static_cast<int>(std::min<std::uint64_t>(config.seed, std::numeric_limits<int>::max())));
    m_threads->setValue(std::max(0, config.threads));
    m_evaluateEachEpoch->setChecked(config.evaluateEachEpoch);
    m_encoderHidden->setText(layersText(config.network.encoderHidden));
    m_decoderHidden->setText(layersText(config.network.decoderHidden));
    m_preset->setCurrentIndex(0);
    onMethodChosen();
}

bool TrainingForm::selectPresetFor(const QString& datasetName)
{
    const int index = m_preset->findData(datasetName.toLower());
    if (index <= 0)
        return false;
    m_preset->setCurrentIndex(index);
    onPresetChosen(index);
    return true;
}

void TrainingForm::onPresetChosen(int index)
{
    const auto preset = networkPreset(m_preset->itemData(index).toString().toStdString());
    if (!preset)
        return; // "Custom" keeps the lists as they are
    m_encoderHidden->setText(layersText(preset->encoderHidden));
    m_decoderHidden->setText(layersText(preset->decoderHidden));
    Q_EMIT changed();
}

void TrainingForm::onMethodChosen()
{
    // The baselines fix some weights (training_config.h: effectiveTau and friends); grey out
    // the fields they ignore rather than pretend they matter.
    const Method method = methodFromName(m_method->currentData().toString().toStdString());
    const bool network = !isClosedForm(method);
    m_tau->setEnabled(network && method != Method::B2);
    m_lambda1->setEnabled(network && method != Method::B2);
    m_lambda2->setEnabled(network && method != Method::B3);
    m_attributeStats->setEnabled(network);
    for (QWidget* w : std::initializer_list<QWidget*>{m_preset, m_encoderHidden, m_decoderHidden,
                                                      m_candidates, m_bf16Mining, m_batchSize,
                                                      m_epochs, m_learningRate, m_seed})
        w->setEnabled(network);
    m_tuningSplits->setEnabled(static_cast<Split>(m_trainSplit->currentData().toInt()) ==
                               Split::Train);
    m_eszslGamma->setEnabled(method == Method::Eszsl);
    m_eszslLambda->setEnabled(method == Method::Eszsl);
    m_saeLambda->setEnabled(method == Method::Sae);
    m_saeDirection->setEnabled(method == Method::Sae);
    Q_EMIT changed();
}

void TrainingForm::setEpochs(int epochs)
{
    m_epochs->setValue(epochs);
}

QVariantMap TrainingForm::values() const
{
    return {{QStringLiteral("preset"), m_preset->currentData()},
            {QStringLiteral("encoderHidden"), m_encoderHidden->text()},
            {QStringLiteral("decoderHidden"), m_decoderHidden->text()},
            {QStringLiteral("method"), m_method->currentData()},
            {QStringLiteral("trainSplit"), m_trainSplit->currentData()},
            {QStringLiteral("tau"), m_tau->value()},
            {QStringLiteral("lambda1"), m_lambda1->value()},
            {QStringLiteral("lambda2"), m_lambda2->value()},
            {QStringLiteral("attributeStats"), m_attributeStats->currentData()},
            {QStringLiteral("tuningSplits"), m_tuningSplits->currentData()},
            {QStringLiteral("eszslGamma"), m_eszslGamma->value()},
            {QStringLiteral("eszslLambda"), m_eszslLambda->value()},
            {QStringLiteral("saeLambda"), m_saeLambda->value()},
            {QStringLiteral("saeDirection"), m_saeDirection->currentData()},
            {QStringLiteral("candidates"), m_candidates->value()},
            {QStringLiteral("bf16Mining"), m_bf16Mining->isChecked()},
            {QStringLiteral("batchSize"), m_batchSize->value()},
            {QStringLiteral("epochs"), m_epochs->value()},
            {QStringLiteral("learningRate"), m_learningRate->value()},
            {QStringLiteral("seed"), m_seed->value()},
            {QStringLiteral("threads"), m_threads->value()},
            {QStringLiteral("evaluateEachEpoch"), m_evaluateEachEpoch->isChecked()}};
}

void TrainingForm::setValues(const QVariantMap& values)
{
    const auto combo = [&](QComboBox* box, const QString& key) {
        const int index = values.contains(key) ? box->findData(values.value(key)) : -1;
        if (index >= 0)
            box->setCurrentIndex(index);
    };
    const auto number = [&](auto* box, const QString& key) {
        if (values.contains(key))
            box->setValue(static_cast<decltype(box->value())>(values.value(key).toDouble()));
    };
    combo(m_method, QStringLiteral("method"));
    combo(m_trainSplit, QStringLiteral("trainSplit"));
    number(m_tau, QStringLiteral("tau"));
    number(m_lambda1, QStringLiteral("lambda1"));
    number(m_lambda2, QStringLiteral("lambda2"));
    combo(m_attributeStats, QStringLiteral("attributeStats"));
    combo(m_tuningSplits, QStringLiteral("tuningSplits"));
    number(m_eszslGamma, QStringLiteral("eszslGamma"));
    number(m_eszslLambda, QStringLiteral("eszslLambda"));
    number(m_saeLambda, QStringLiteral("saeLambda"));
    combo(m_saeDirection, QStringLiteral("saeDirection"));
    number(m_candidates, QStringLiteral("candidates"));
    number(m_batchSize, QStringLiteral("batchSize"));
    number(m_epochs, QStringLiteral("epochs"));
    number(m_learningRate, QStringLiteral("learningRate"));
    number(m_seed, QStringLiteral("seed"));
    number(m_threads, QStringLiteral("threads"));
    const auto check = [&](QCheckBox* box, const QString& key) {
        if (values.contains(key))
            box->setChecked(values.value(key).toBool());
    };
    check(m_bf16Mining, QStringLiteral("bf16Mining"));
    check(m_evaluateEachEpoch, QStringLiteral("evaluateEachEpoch"));
    if (values.contains(QStringLiteral("encoderHidden")))
        m_encoderHidden->setText(values.value(QStringLiteral("encoderHidden")).toString());
    if (values.contains(QStringLiteral("decoderHidden")))
        m_decoderHidden->setText(values.value(QStringLiteral("decoderHidden")).toString());
    combo(m_preset, QStringLiteral("preset"));
}

} // namespace semrel::ui
