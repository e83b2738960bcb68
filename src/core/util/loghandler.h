#pragma once

#include <QStringList>

namespace rw {

// Routes Qt logging to stderr as one line per message: UTC timestamp, level, category,
// text — with every known secret and any /bot<token>/ path redacted, as a last line of
// defence behind the redaction the modules already do.
void installLogHandler(const QStringList &secrets);
void addLogSecrets(const QStringList &secrets);

} // namespace rw
