#include "config/valuecheck.h"

#include <QDir>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

#include <cmath>

namespace rw {

namespace {
ValueCheck refused(const QString &where, const QString &message)
{
    return ValueCheck{ValueCheck::Refused, where, message};
}
} // namespace

// The messages take every argument in one arg() call: a value that holds "%2" must not be
// substituted into.
ValueCheck checkWholeNumber(const QString &where, const QString &text, WholeNumberRule rule,
                            qint64 *out)
{
    bool ok = false;
    const qint64 n = text.toLongLong(&ok);
    if (!ok)
        return refused(where, ConfigText::tr("%1 = \"%2\" is not a whole number").arg(where, text));
    if (n < rule.min)
        return refused(where, ConfigText::tr("%1 = %2 must be at least %3")
                                  .arg(where, text.trimmed(), QString::number(rule.min)));
    if (n > rule.max) {
        *out = rule.max;
        return ValueCheck{ValueCheck::Clamped, where,
                          ConfigText::tr("%1 = %2 is more than %3: %3 is used")
                              .arg(where, text.trimmed(), QString::number(rule.max))};
    }
    *out = n;
    return {};
}

ValueCheck checkHashRate(const QString &where, const QString &text, double *out)
{
    const QString v = text.trimmed();
    static const QRegularExpression re(
        QStringLiteral("^([0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\\s*([kKMGTPE]?)(?:H/s|H)?$"));
    const auto m = re.match(v);
    if (!m.hasMatch())
        return refused(
            where, ConfigText::tr("%1 = \"%2\" is not a hash rate in H/s (e.g. 0, 3.5e15 or 350T)")
                       .arg(where, v));
    double n = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    const QString units = QStringLiteral("KMGTPE");
    if (!unit.isEmpty())
        for (int i = 0; i <= units.indexOf(unit); ++i)
            n *= 1000.0;
    // the whole Bitcoin network is below 1e21 H/s; anything near a double's range is a typo
    if (!std::isfinite(n) || n > 1e30)
        return refused(where,
                       ConfigText::tr("%1 = \"%2\" is too large to be a hash rate").arg(where, v));
    *out = n;
    return {};
}

ValueCheck checkHttpUrl(const QString &where, const QString &text, QUrl *out)
{
    const QUrl u(text, QUrl::StrictMode);
    if (!u.isValid() || u.host().isEmpty() ||
        (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))
        return refused(
            where,
            ConfigText::tr("%1 = \"%2\" is not an http:// or https:// URL").arg(where, text));
    QUrl clean = u;
    QString path = clean.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    *out = clean;
    return {};
}

ValueCheck checkProvider(const QString &where, const QString &text, PoolProvider *out)
{
    QStringList names;
    for (PoolProvider p : {PoolProvider::F2poolV2, PoolProvider::F2poolV1, PoolProvider::Braiins,
                           PoolProvider::Binance, PoolProvider::Luxor, PoolProvider::ViaBtc,
                           PoolProvider::AntPool}) {
        AccountConfig a;
        a.provider = p;
        if (text == a.providerKey()) {
            *out = p;
            return {};
        }
        names << a.providerKey();
    }
    return refused(where, ConfigText::tr("%1 = \"%2\" is not a known provider (%3)")
                              .arg(where, text, names.join(QStringLiteral(", "))));
}

ValueCheck checkCurrency(const QString &where, const QString &text)
{
    if (text.isEmpty())
        return refused(where, ConfigText::tr("%1 is empty").arg(where));
    return {};
}

ValueCheck checkThresholdOrder(const QString &retiredWhere, const QString &offlineWhere,
                               const Thresholds &t)
{
    if (t.retiredAfterSecs <= t.offlineAfterSecs)
        return refused(
            retiredWhere,
            ConfigText::tr("%1 must be greater than %2").arg(retiredWhere, offlineWhere));
    return {};
}

ValueCheck checkTelegramChat(const QString &where, const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(-?[0-9]{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$"));
    if (!text.isEmpty() && !re.match(text).hasMatch())
        return refused(where,
                       ConfigText::tr("%1 = \"%2\" is neither a numeric chat id nor @channelname")
                           .arg(where, text));
    return {};
}

ValueCheck checkRetract(const QString &where, const QString &text, RetractMode *out)
{
    if (text == QLatin1String("delete"))
        *out = RetractMode::Delete;
    else if (text == QLatin1String("edit"))
        *out = RetractMode::Edit;
    else
        return refused(where,
                       ConfigText::tr("%1 = \"%2\" must be delete or edit").arg(where, text));
    return {};
}

ValueCheck checkLanguage(const QString &where, const QString &text)
{
    if (text != QLatin1String("en") && text != QLatin1String("zh_CN"))
        return refused(where, ConfigText::tr("%1 = \"%2\" must be en or zh_CN").arg(where, text));
    return {};
}

ValueCheck checkTimeOfDay(const QString &where, const QString &text, int *minutes)
{
    static const QRegularExpression re(QStringLiteral("^([01]?[0-9]|2[0-3]):([0-5][0-9])$"));
    const auto m = re.match(text.trimmed());
    if (!m.hasMatch())
        return refused(where, ConfigText::tr("%1 = \"%2\" is not a time of day (HH:MM, e.g. 08:00)")
                                  .arg(where, text));
    *minutes = m.captured(1).toInt() * 60 + m.captured(2).toInt();
    return {};
}

ValueCheck checkQuietHours(const QString &where, const QString &text, int *from, int *to)
{
    if (text.trimmed().isEmpty()) {
        *from = *to = -1;
        return {};
    }
    const QStringList parts = text.split(QLatin1Char('-'));
    int a = -1;
    int b = -1;
    if (parts.size() != 2 || checkTimeOfDay(where, parts.at(0), &a).refused() ||
        checkTimeOfDay(where, parts.at(1), &b).refused())
        return refused(where, ConfigText::tr("%1 = \"%2\" is not a window of the day "
                                             "(HH:MM-HH:MM, e.g. 23:00-07:00)")
                                  .arg(where, text));
    if (a == b)
        return refused(where, ConfigText::tr("%1 = \"%2\" begins where it ends; leave it "
                                             "empty for no quiet hours")
                                  .arg(where, text));
    *from = a;
    *to = b;
    return {};
}

ValueCheck checkTimeZone(const QString &where, const QString &text)
{
    if (text.isEmpty() || QTimeZone(text.toUtf8()).isValid())
        return {};
    return refused(where, ConfigText::tr("%1 = \"%2\" is not a time zone this system knows "
                                         "(an IANA name such as Asia/Shanghai)")
                              .arg(where, text));
}

ValueCheck checkGroupName(const QString &where, const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]+$"));
    if (re.match(text).hasMatch())
        return {};
    return refused(where, ConfigText::tr("%1: a group's name has only letters, digits, '-' and "
                                         "'_' (\"%2\" has others)")
                              .arg(where, text));
}

QString expandHome(const QString &path, const QString &home)
{
    if (path == QLatin1String("~"))
        return home;
    if (path.startsWith(QLatin1String("~/")))
        return QDir(home).filePath(path.mid(2));
    return path;
}

} // namespace rw
