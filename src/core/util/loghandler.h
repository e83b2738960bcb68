#pragma once

#include <QStringList>

namespace rw {

// Routes Qt logging to stderr as one line per message: UTC timestamp, level, category,
// text — with every known secret and any /bot<token>/ path redacted, as a last line of
// defence behind the redaction the modules already do.
void installLogHandler(const QStringList &secrets);
void addLogSecrets(const QStringList &secrets);
// Control characters as escapes ("\n", "\x1b"): what the handler does to every message.
QString escapeControls(const QString &text);

} // namespace rw
