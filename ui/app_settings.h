// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <memory>

class QSettings;

namespace semrel::ui {

// What the window remembers between sessions: geometry, splitter positions, the open view,
// recent files and the last training settings. A typed face over QSettings, so that keys are
// spelled in one place.
class AppSettings
{
public:
    // The user's settings (~/.config/SemRel/SemRel Studio.conf).
    AppSettings();
    // An explicit INI file: tests, and `semrel-studio --settings FILE` for reproducible
    // screenshots.
    explicit AppSettings(const QString& iniFile);
    ~AppSettings();
    AppSettings(const AppSettings&) = delete;
    AppSettings& operator=(const AppSettings&) = delete;

    // Opaque widget states (QMainWindow::saveGeometry, QSplitter::saveState...), by name.
    QByteArray widgetState(const QString& name) const;
    void setWidgetState(const QString& name, const QByteArray& state);

    QStringList recentFiles() const;
    void setRecentFiles(const QStringList& files);

    QString lastDirectory() const;
    void setLastDirectory(const QString& directory);

    int currentView() const;
    void setCurrentView(int index);

    // The training form's values (see TrainingForm::values()).
    QVariantMap trainingValues() const;
    void setTrainingValues(const QVariantMap& values);

    double tau() const; // the dataset view's τ slider
    void setTau(double tau);

    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace semrel::ui
