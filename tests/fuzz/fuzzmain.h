#pragma once

// What every libFuzzer target shares: quiet logging (the parsers warn once per bad reply, which
// would drown libFuzzer's own output) and turning a broken promise into a crash libFuzzer saves.

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace rw::fuzz {

inline void dropMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

inline int runOne(const uint8_t *data, size_t size, QString (*check)(const QByteArray &))
{
    static const bool quiet = [] {
        qInstallMessageHandler(dropMessage);
        return true;
    }();
    (void)quiet;
    // Raw data, no copy: no terminating zero hides a read past the end from AddressSanitizer.
    const QByteArray input =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString broken = check(input);
    if (!broken.isEmpty()) {
        std::fprintf(stderr, "broken promise: %s\n", qPrintable(broken));
        std::abort();
    }
    return 0;
}

} // namespace rw::fuzz
