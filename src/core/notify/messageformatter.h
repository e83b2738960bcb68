#pragma once

#include "monitor/workerstatus.h"
#include "notify/textformat.h"

#include <QString>

#include <memory>

class QTranslator;

namespace rw {

// Writes the Telegram texts (HTML parse mode): the incident message, the short "resolved"
// text and the test message, in the language chosen for the channel. It carries its own
// QTranslator (":/i18n/rigwatch_core_<lang>.qm") so the channel's language does not depend on the
// language of the desktop app; without that file it writes English. Times are UTC: a farm's
// team is often spread over time zones and the message must mean the same to everyone.
class MessageFormatter
{
public:
    static constexpr int kMaxLength = 4096; // Telegram's limit, in UTF-16 units after parsing

    explicit MessageFormatter(const QString &language = QStringLiteral("en"));

    QString language() const { return m_language; }
    // True when a translation for language() was found (always true for "en").
    bool hasTranslation() const { return m_translated || m_language == QLatin1String("en"); }

    // The plain-text fallback is kept far below the limit: it is sent when Telegram refused the
    // HTML text, possibly because that server counts or limits differently (the caption limit).
    static constexpr int kPlainMaxLength = 1024;

    // The live message for an account's incident. Durations are measured to incident.at.
    // Never longer than kMaxLength (Plain: kPlainMaxLength, no markup, nothing escaped): workers
    // that do not fit become "… and N more".
    // maxWorkers >= 0 also caps the worker lines (a desktop notification shows a few).
    QString incidentText(const QString &account, const Incident &incident,
                         TextFormat format = TextFormat::Html, int maxWorkers = -1) const;
    // What a message becomes when it cannot (or must not) be deleted once all is well.
    QString resolvedText(const QString &account, qint64 since, qint64 endedAt) const;
    // What a message becomes when a newer one replaced it and it may not be deleted.
    QString supersededText(const QString &account, qint64 at) const;
    QString testText(qint64 at) const;

    // "47 min", "3 h 05 min", "2 d 04 h" (translated).
    QString duration(qint64 secs) const;
    static QString escapeHtml(const QString &text);
    // A name or a server's reason as it may appear in a text for Telegram (and the tray
    // balloons built from it): line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029) and tabs
    // become one space each; the other control characters (C0, DEL, C1) become a visible escape
    // such as "\x1b", bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
    // U+2066-U+2069) one such as "\u202e", a lone UTF-16 surrogate U+FFFD. Everything else
    // (Chinese, emoji and their joiners) stays as it is.
    static QString displayable(const QString &text);
    // What Telegram would show for one of our HTML texts: tags dropped, entities decoded.
    static QString plainText(const QString &html);

    // "✅ acknowledged by @bob at 14:05" (HTML); rigs, when given, are named after a colon:
    // the acknowledgement covers only them (a growth since brought others).
    QString acknowledgedLine(const QString &by, qint64 at, const QStringList &rigs = {}) const;

    // A source string of context "rw::MessageFormatter" (marked with QT_TRANSLATE_NOOP) in the
    // channel's language: the command replies (commanddesk.cpp) use the same catalogue.
    QString translated(const char *source) const; // own translator, else the source
    QString utcTime(qint64 at) const;             // "2026-01-01 14:05" UTC

private:
    QString m_language;
    std::shared_ptr<QTranslator> m_translator;
    bool m_translated = false;
};

} // namespace rw
