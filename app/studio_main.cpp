// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
// `semrel-studio [FILE]`: the SemRel Studio window. Without FILE it opens the demo dataset.
#include "app_settings.h"
#include "install/data_directory.h"
#include "install/version.h"
#include "main_window.h"
#include "metatypes.h"
#include "startup_script.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMap>

#include <cstdio>
#include <memory>
#include <string_view>

namespace {

// --help and --version only print: they must work without a display (over ssh, or when the
// build writes the man page), where QApplication would abort.
bool onlyPrints(int argc, char** argv)
{
    for (int i = 1; i < argc; ++i) {
        const std::string_view argument(argv[i]);
        if (argument == "-h" || argument == "--help" || argument == "-?" || argument == "-v" ||
            argument == "--version")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char** argv)
{
    const std::unique_ptr<QCoreApplication> app =
        onlyPrints(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv)
                               : std::make_unique<QApplication>(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SemRel"));
    QApplication::setApplicationName(QStringLiteral("SemRel Studio"));
    QApplication::setApplicationVersion(QString::fromUtf8(semrel::app::programVersion()));
    QApplication::setDesktopFileName(QStringLiteral("io.github.semrel.Studio"));
    semrel::ui::registerMetaTypes();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Zero-shot learning that preserves semantic relations (CVPR 2018)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QStringLiteral("Dataset (.h5), xlsa17 folder or model (.h5)."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Grab the window to PNG once loaded (and trained), then exit."),
        QStringLiteral("PNG"));
    const QCommandLineOption trainEpochs(
        QStringLiteral("train-epochs"),
        QStringLiteral("Start training at launch with the form's settings for N epochs."),
        QStringLiteral("N"));
    const QCommandLineOption view(
        QStringLiteral("view"),
        QStringLiteral("The view to show: dataset, training, predictions, query, embedding or "
                       "runs."),
        QStringLiteral("VIEW"));
    const QCommandLineOption settings(
        QStringLiteral("settings"),
        QStringLiteral("Read and write settings in this INI file instead of the user's."),
        QStringLiteral("INI"));
    const QCommandLineOption sample(
        QStringLiteral("sample"),
        QStringLiteral("The dataset sample the Query and Embedding views show."),
        QStringLiteral("N"));
    const QCommandLineOption setting(
        QStringLiteral("setting"),
        QStringLiteral("The Predictions view's setting: zsl (unseen test samples among unseen "
                       "classes) or gzsl (all test samples among all classes)."),
        QStringLiteral("SETTING"));
    parser.addPositionalArgument(QStringLiteral("FILE2"),
                                 QStringLiteral("A second file: MODEL.h5 DATA.h5 explores a model "
                                                "on a dataset."),
                                 QStringLiteral("[FILE2]"));
    parser.addOptions({screenshot, trainEpochs, view, settings, sample, setting});
    parser.process(*app); // exits after --help or --version

    semrel::ui::StartupOptions options;
    const QStringList files = parser.positionalArguments();
    // Without a file, the demo from the data directory; without the demo, an empty window.
    options.file = files.isEmpty() ? QString::fromStdString(semrel::app::demoDatasetPath().string())
                                   : files.first();
    options.secondFile = files.size() > 1 ? files.at(1) : QString();
    if (parser.isSet(sample)) {
        bool ok = false;
        options.sample = parser.value(sample).toLongLong(&ok);
        if (!ok || options.sample < 0) {
            std::fprintf(stderr, "semrel-studio: --sample wants a sample index (0 or more)\n");
            return 2;
        }
    }
    options.screenshotPath = parser.value(screenshot);
    if (parser.isSet(trainEpochs)) {
        bool ok = false;
        options.trainEpochs = parser.value(trainEpochs).toInt(&ok);
        if (!ok || options.trainEpochs < 1) {
            std::fprintf(stderr, "semrel-studio: --train-epochs wants a positive number\n");
            return 2;
        }
    }
    if (parser.isSet(view)) {
        using semrel::ui::MainWindow;
        static const QMap<QString, MainWindow::View> views = {
            {QStringLiteral("dataset"), MainWindow::DatasetTab},
            {QStringLiteral("training"), MainWindow::TrainingTab},
            {QStringLiteral("predictions"), MainWindow::PredictionsTab},
            {QStringLiteral("query"), MainWindow::QueryTab},
            {QStringLiteral("embedding"), MainWindow::EmbeddingTab},
            {QStringLiteral("runs"), MainWindow::RunsTab}};
        const auto it = views.find(parser.value(view));
        if (it == views.end()) {
            std::fprintf(stderr, "semrel-studio: --view is dataset, training, predictions, query, "
                                 "embedding or runs\n");
            return 2;
        }
        options.view = it.value();
    }

    if (parser.isSet(setting)) {
        const QString value = parser.value(setting).toLower();
        if (value != QLatin1String("zsl") && value != QLatin1String("gzsl")) {
            std::fprintf(stderr, "semrel-studio: --setting is zsl or gzsl\n");
            return 2;
        }
        options.setting =
            value == QLatin1String("gzsl") ? semrel::ui::Setting::Gzsl : semrel::ui::Setting::Zsl;
    }

    auto appSettings = parser.isSet(settings)
                           ? std::make_unique<semrel::ui::AppSettings>(parser.value(settings))
                           : std::make_unique<semrel::ui::AppSettings>();
    int exitCode = 0;
    {
        semrel::ui::MainWindow window(*appSettings);
        window.show();
        semrel::ui::StartupScript script(window, options);
        QObject::connect(&script, &semrel::ui::StartupScript::finished, app.get(), [&](int code) {
            // Says what was grabbed: the title names the dataset shown.
            if (code == 0)
                std::printf("wrote %s: %s\n", qPrintable(options.screenshotPath),
                            qPrintable(window.windowTitle()));
            window.close();
            QApplication::exit(code);
        });
        script.run();
        exitCode = QApplication::exec();
    }
    return exitCode;
}
