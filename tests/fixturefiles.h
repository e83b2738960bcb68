#pragma once

// The reply fixtures and fuzz seeds the parser tests run through: (row name, bytes) for every
// file of the given directories, which must exist and not be empty.
#include <QDir>
#include <QList>
#include <QPair>
#include <QTest>

namespace rw::test {

inline QList<QPair<QString, QByteArray>> fixtureFiles(const QStringList &dirs)
{
    QList<QPair<QString, QByteArray>> out;
    for (const QString &dir : dirs) {
        const QFileInfoList files = QDir(dir).entryInfoList(QDir::Files, QDir::Name);
        if (files.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("no fixtures in ") + dir), __FILE__, __LINE__);
        for (const QFileInfo &f : files) {
            QFile file(f.filePath());
            if (!file.open(QIODevice::ReadOnly))
                QTest::qFail(qPrintable(QStringLiteral("cannot read ") + f.filePath()), __FILE__,
                             __LINE__);
            out.append({QDir(dir).dirName() + QLatin1Char('/') + f.fileName(), file.readAll()});
        }
    }
    return out;
}

} // namespace rw::test
