// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "app_settings.h"

#include <QDir>
#include <QSettings>

namespace semrel::ui {

AppSettings::AppSettings()
    : m_settings(
          std::make_unique<QSettings>(QStringLiteral("SemRel"), QStringLiteral("SemRel Studio")))
{}

AppSettings::AppSettings(const QString& iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QByteArray AppSettings::widgetState(const QString& name) const
{
    return m_settings->value(QStringLiteral("widgets/") + name).toByteArray();
}

void AppSettings::setWidgetState(const QString& name, const QByteArray& state)
{
    m_settings->setValue(QStringLiteral("widgets/") + name, state);
}

QStringList AppSettings::recentFiles() const
{
    return m_settings->value(QStringLiteral("files/recent")).toStringList();
}

void AppSettings::setRecentFiles(const QStringList& files)
{
    m_settings->setValue(QStringLiteral("files/recent"), files);
}

QString AppSettings::lastDirectory() const
{
    return m_settings->value(QStringLiteral("files/lastDirectory"), QDir::homePath()).toString();
}

void AppSettings::setLastDirectory(const QString& directory)
{
    m_settings->setValue(QStringLiteral("files/lastDirectory"), directory);
}

int AppSettings::currentView() const
{
    return m_settings->value(QStringLiteral("window/view"), 0).toInt();
}

void AppSettings::setCurrentView(int index)
{
    m_settings->setValue(QStringLiteral("window/view"), index);
}

QVariantMap AppSettings::trainingValues() const
{
    return m_settings->value(QStringLiteral("training/form")).toMap();
}

void AppSettings::setTrainingValues(const QVariantMap& values)
{
    m_settings->setValue(QStringLiteral("training/form"), values);
}

double AppSettings::tau() const
{
    return m_settings->value(QStringLiteral("dataset/tau"), 0.0).toDouble();
}

void AppSettings::setTau(double tau)
{
    m_settings->setValue(QStringLiteral("dataset/tau"), tau);
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace semrel::ui
