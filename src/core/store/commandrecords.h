#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace rw {

// One mute of alerts (a /mute from Telegram or the tray's "Pause alerts"), as the store keeps
// it. scope "" is the whole chat.
struct MuteRecord
{
    QString scope;
    qint64 untilMs = 0; // unix ms; 0 = until ended by hand (the tray's pause)
    QString by;         // "@name", a first name, or "tray"
    QString replyChat;  // where "the mute ended" goes; empty = the alert chat
};

// An Acknowledge press on an account's live message: who, when, and the rigs it covered.
struct AckRecord
{
    QString account;
    QString by;
    qint64 at = 0; // unix s
    QStringList workers;
};

} // namespace rw
Q_DECLARE_METATYPE(rw::MuteRecord)
