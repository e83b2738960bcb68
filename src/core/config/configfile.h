#pragma once

#include "config/accountconfig.h"

#include <QProcessEnvironment>
#include <QStringList>

#include <optional>

namespace rw {

// Everything rigwatchd reads from its INI file (and the environment, for secrets).
struct DaemonConfig
{
    QVector<AccountConfig> accounts;
    TelegramConfig telegram;
    QVector<GroupConfig> groups; // in file order: the first match wins
    QString databasePath;
    QString metricsListen; // "host:port", empty = off
    QString sourceFile;
};

struct ConfigResult
{
    std::optional<DaemonConfig> config;
    QString error;        // one line naming the file and the key, when config is empty
    QStringList warnings; // e.g. unknown keys, a world-readable file holding secrets
};

// Parses the INI text of `fileName` (used only in messages). Pure: no file access.
ConfigResult parseConfig(const QByteArray &text, const QString &fileName,
                         const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());
// Reads and parses a file; adds the permission warning when it holds a secret.
ConfigResult
loadConfigFile(const QString &path,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment());

// The effective configuration as INI text, secrets masked ("****cdef" style, never whole).
QString describeConfig(const DaemonConfig &config);
QString maskSecret(const QString &secret);
QString defaultDatabasePath();

} // namespace rw
