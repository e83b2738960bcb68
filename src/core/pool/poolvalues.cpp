#include "pool/poolvalues.h"

#include "pool/workercollector.h"

#include <cmath>

namespace rw {

std::optional<double> poolNumber(const QJsonValue &v)
{
    if (v.isDouble())
        return std::isfinite(v.toDouble()) ? std::optional<double>(v.toDouble()) : std::nullopt;
    if (!v.isString())
        return std::nullopt;
    bool ok = false;
    const double d = v.toString().trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<double> hashRateUnitFactor(QStringView unit)
{
    QString u = unit.trimmed().toString().toLower();
    if (u.endsWith(QLatin1String("/s")))
        u.chop(2);
    else if (u.endsWith(QLatin1String("ps")))
        u.chop(2);
    if (u.endsWith(QLatin1Char('h')))
        u.chop(1);
    if (u.isEmpty())
        return 1.0;
    if (u.size() != 1 || u.at(0).unicode() > 0x7f)
        return std::nullopt;
    return siPrefixFactor(char(u.at(0).unicode()));
}

std::optional<double> siPrefixFactor(char lower)
{
    switch (lower) {
    case 'k':
        return 1e3;
    case 'm':
        return 1e6;
    case 'g':
        return 1e9;
    case 't':
        return 1e12;
    case 'p':
        return 1e15;
    case 'e':
        return 1e18;
    case 'z':
        return 1e21;
    }
    return std::nullopt;
}

std::optional<double> poolHashRate(const QJsonValue &v, double defaultFactor)
{
    std::optional<double> rate;
    if (v.isDouble()) {
        rate = poolNumber(v);
        if (rate)
            *rate *= defaultFactor;
    } else if (v.isString()) {
        const QString text = v.toString().trimmed();
        qsizetype end = 0;
        while (end < text.size() &&
               (text.at(end).isDigit() || text.at(end) == QLatin1Char('.') ||
                text.at(end) == QLatin1Char('-') || text.at(end) == QLatin1Char('+') ||
                ((text.at(end) == QLatin1Char('e') || text.at(end) == QLatin1Char('E')) &&
                 end + 1 < text.size() &&
                 (text.at(end + 1).isDigit() || text.at(end + 1) == QLatin1Char('-')))))
            ++end;
        bool ok = false;
        const double number = text.left(end).toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return std::nullopt;
        const QStringView unit = QStringView(text).mid(end).trimmed();
        if (unit.isEmpty()) {
            rate = number * defaultFactor;
        } else {
            const std::optional<double> factor = hashRateUnitFactor(unit);
            if (!factor)
                return std::nullopt;
            rate = number * *factor;
        }
    }
    if (!rate || *rate < 0)
        return std::nullopt;
    return rate;
}

std::optional<qint64> poolTime(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return 0;
    if (v.isDouble())
        return secondsFromNumber(v.toDouble());
    if (!v.isString())
        return std::nullopt;
    const QString text = v.toString().trimmed();
    if (text.isEmpty())
        return 0;
    const qint64 t = unixSecondsFromText(text);
    if (t == 0 && text != QLatin1String("0"))
        return std::nullopt;
    return t;
}

} // namespace rw
