// SPDX-FileCopyrightText: 2026 SemRel Studio developers
// SPDX-License-Identifier: MIT
#include "query/similarity_export.h"

#include <QObject>
#include <QSaveFile>
#include <QTextStream>

namespace semrel::ui {

QString writeSimilarityCsv(const std::vector<ClassSimilarity>& similarities, int trueClass,
                           double tau, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return QObject::tr("%1: could not open for writing (%2)").arg(path, file.errorString());
    QTextStream out(&file);
    out << "# tau=" << QString::number(tau, 'g', 6) << '\n';
    out << "rank,class_index,class,cosine,relation,seen,true_class\n";
    int rank = 0;
    for (const ClassSimilarity& s : similarities) {
        QString name = QString::fromStdString(s.className);
        name.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out << ++rank << ',' << s.classIndex << ",\"" << name << "\","
            << QString::number(s.similarity, 'g', 8) << ',' << relationName(s.relation) << ','
            << (s.seen ? 1 : 0) << ',' << (s.classIndex == trueClass ? 1 : 0) << '\n';
    }
    out.flush();
    if (!file.commit())
        return QObject::tr("%1: could not write the file (%2)").arg(path, file.errorString());
    return {};
}

} // namespace semrel::ui
