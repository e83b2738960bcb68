#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace rw {

// Makes a URL safe to log: the Telegram bot token in the path ("/bot123:ABC/sendMessage")
// becomes "/bot<redacted>/sendMessage"; user info and query are dropped.
QString redactUrl(const QUrl &url);
// Replaces every occurrence of each non-empty secret in text (and any /bot<token>/ path).
QString redactText(QString text, const QStringList &secrets);
// redactText(), then one line of at most maxChars (cut with "..."). In this order: a secret cut
// in half first would no longer be found, and its first half would be shown.
QString redactedLine(const QString &text, const QStringList &secrets, qsizetype maxChars = 400);

} // namespace rw
