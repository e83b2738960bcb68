#include "util/units.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace rw {
namespace {

const char *const kSymbols[] = {"H/s", "kH/s", "MH/s", "GH/s", "TH/s", "PH/s", "EH/s"};
constexpr int kLastUnit = 6;

// 3 significant digits for 0 < v < 1000 (fewer below 1: at most 2 decimals).
QString threeDigits(double v)
{
    const int decimals = v >= 99.95 ? 0 : v >= 9.995 ? 1 : 2;
    return QString::number(v, 'f', decimals);
}

} // namespace

QString formatHashRate(double hs)
{
    if (!std::isfinite(hs) || hs < 0.005)
        return QStringLiteral("0 H/s");
    int unit = 0;
    double v = hs;
    // 999.5 would print as "1000": use the next unit from there on.
    while (v >= 999.5 && unit < kLastUnit) {
        v /= 1000;
        ++unit;
    }
    return threeDigits(v) + QLatin1Char(' ') + QLatin1String(kSymbols[unit]);
}

HashRateUnit hashRateUnitFor(double hs)
{
    HashRateUnit u;
    int unit = 0;
    if (std::isfinite(hs)) {
        while (hs >= 1000 && unit < kLastUnit) {
            hs /= 1000;
            u.divisor *= 1000;
            ++unit;
        }
    }
    u.symbol = QLatin1String(kSymbols[unit]);
    return u;
}

QString formatDuration(qint64 secs)
{
    if (secs < 0)
        secs = 0;
    if (secs < 60)
        return QCoreApplication::translate("rw::Units", "%1 s").arg(secs);
    if (secs < 3600)
        return QCoreApplication::translate("rw::Units", "%1 min").arg(secs / 60);
    const QLatin1Char zero('0');
    if (secs < 86400)
        return QCoreApplication::translate("rw::Units", "%1 h %2 min")
            .arg(secs / 3600)
            .arg((secs % 3600) / 60, 2, 10, zero);
    return QCoreApplication::translate("rw::Units", "%1 d %2 h")
        .arg(secs / 86400)
        .arg((secs % 86400) / 3600, 2, 10, zero);
}

double parseHashRate(const QString &text, bool *ok)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*((?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?)" // number
                       "\\s*([kKmMgGtTpPeE])?"                         // unit prefix
                       "\\s*(?:[hH](?:/[sS]|[sS]|[pP][sS])?)?\\s*$")); // H, H/s, Hs, Hps
    if (ok)
        *ok = false;
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return 0;
    bool numberOk = false;
    double v = m.captured(1).toDouble(&numberOk);
    if (!numberOk)
        return 0;
    const QString prefix = m.captured(2).toLower();
    if (!prefix.isEmpty()) {
        const int power = int(QStringLiteral("kmgtpe").indexOf(prefix)) + 1;
        v *= std::pow(1000.0, power);
    }
    if (!std::isfinite(v))
        return 0;
    if (ok)
        *ok = true;
    return v;
}

} // namespace rw
