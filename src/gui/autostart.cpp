#include "autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace rw {

namespace {
QString tr(const char *s)
{
    return QCoreApplication::translate("rw::Autostart", s);
}

#if defined(Q_OS_WIN)
const auto kRunKey =
    QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
#else
QString entryPath()
{
#if defined(Q_OS_MACOS)
    return QDir::homePath() +
           QStringLiteral("/Library/LaunchAgents/io.github.rigwatch.RigWatch.plist");
#else
    return QStandardPaths::writableLocation(QStandardPaths::ConfigLocation) +
           QStringLiteral("/autostart/io.github.rigwatch.RigWatch.desktop");
#endif
}

QByteArray entryText()
{
    const QString exe = QCoreApplication::applicationFilePath();
#if defined(Q_OS_MACOS)
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\"><dict>\n"
                          "<key>Label</key><string>io.github.rigwatch.RigWatch</string>\n"
                          "<key>ProgramArguments</key><array><string>%1</string>"
                          "<string>--minimized</string></array>\n"
                          "<key>RunAtLoad</key><true/>\n</dict></plist>\n")
        .arg(exe.toHtmlEscaped())
        .toUtf8();
#else
    return QStringLiteral("[Desktop Entry]\nType=Application\nName=RigWatch\n"
                          "Comment=Mining farm monitor\nExec=\"%1\" --minimized\n"
                          "Icon=io.github.rigwatch.RigWatch\nX-GNOME-Autostart-enabled=true\n")
        .arg(exe)
        .toUtf8();
#endif
}
#endif
} // namespace

bool Autostart::isSupported()
{
    return true;
}

bool Autostart::isEnabled()
{
#if defined(Q_OS_WIN)
    return QSettings(kRunKey, QSettings::NativeFormat).contains(QStringLiteral("RigWatch"));
#else
    return QFile::exists(entryPath());
#endif
}

bool Autostart::setEnabled(bool enabled, QString *error)
{
#if defined(Q_OS_WIN)
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (enabled)
        run.setValue(QStringLiteral("RigWatch"),
                     QStringLiteral("\"%1\" --minimized")
                         .arg(QDir::toNativeSeparators(QCoreApplication::applicationFilePath())));
    else
        run.remove(QStringLiteral("RigWatch"));
    run.sync();
    if (run.status() != QSettings::NoError) {
        *error = tr("Windows did not let RigWatch change its start-up entry.");
        return false;
    }
    return true;
#else
    const QString path = entryPath();
    if (!enabled) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = tr("Cannot remove %1.").arg(path);
            return false;
        }
        return true;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(entryText()) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
#endif
}

} // namespace rw
