#include "notify/announcement.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace rw {

Announcement Announcement::of(const Incident &incident)
{
    Announcement a;
    a.down.reserve(incident.down.size());
    for (const Incident::Down &d : incident.down)
        a.down.append({d.worker, d.status});
    // The monitor sorts already; sorting again keeps sameAs() independent of that promise.
    std::sort(a.down.begin(), a.down.end(),
              [](const auto &x, const auto &y) { return x.first < y.first; });
    for (const Incident::Degraded &d : incident.degraded)
        a.degraded << d.worker;
    for (const Incident::Flapping &f : incident.flapping)
        a.flapping << f.worker;
    a.degraded.sort();
    a.flapping.sort();
    a.hashrateLow = incident.hashrateLow;
    for (const Incident::LowGroup &g : incident.lowGroups)
        a.lowGroups << g.label;
    a.lowGroups.sort();
    a.poolUnreachable = incident.poolUnreachable;
    a.since = incident.since;
    return a;
}

QByteArray Announcement::toKey() const
{
    QJsonArray workers;
    for (const auto &d : down)
        workers.append(QJsonArray{d.first, workerStatusKey(d.second)});
    QJsonObject o{{QStringLiteral("v"), 1},
                  {QStringLiteral("down"), workers},
                  {QStringLiteral("low"), hashrateLow},
                  {QStringLiteral("pool"), poolUnreachable},
                  {QStringLiteral("since"), since}};
    // Absent in keys written before issue #19: read as empty.
    if (!degraded.isEmpty())
        o.insert(QStringLiteral("degraded"), QJsonArray::fromStringList(degraded));
    if (!flapping.isEmpty())
        o.insert(QStringLiteral("flapping"), QJsonArray::fromStringList(flapping));
    // Absent in keys written before issue #20.
    if (!lowGroups.isEmpty())
        o.insert(QStringLiteral("lowGroups"), QJsonArray::fromStringList(lowGroups));
    if (quiet)
        o.insert(QStringLiteral("quiet"), true);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Announcement Announcement::fromKey(const QByteArray &key)
{
    Announcement a;
    const QJsonObject o = QJsonDocument::fromJson(key).object();
    if (o.value(QLatin1String("v")).toInt() != 1)
        return a;
    for (const QJsonValue &v : o.value(QLatin1String("down")).toArray()) {
        const QJsonArray pair = v.toArray();
        const auto status = workerStatusFromKey(pair.at(1).toString());
        if (pair.size() == 2 && status)
            a.down.append({pair.at(0).toString(), *status});
    }
    for (const QJsonValue &v : o.value(QLatin1String("degraded")).toArray())
        a.degraded << v.toString();
    for (const QJsonValue &v : o.value(QLatin1String("flapping")).toArray())
        a.flapping << v.toString();
    for (const QJsonValue &v : o.value(QLatin1String("lowGroups")).toArray())
        a.lowGroups << v.toString();
    a.quiet = o.value(QLatin1String("quiet")).toBool();
    a.hashrateLow = o.value(QLatin1String("low")).toBool();
    a.poolUnreachable = o.value(QLatin1String("pool")).toBool();
    a.since = o.value(QLatin1String("since")).toInteger();
    return a;
}

bool Announcement::sameAs(const Announcement &other) const
{
    return down == other.down && degraded == other.degraded && flapping == other.flapping &&
           hashrateLow == other.hashrateLow && lowGroups == other.lowGroups &&
           poolUnreachable == other.poolUnreachable;
}

bool Announcement::hasSomethingNotIn(const Announcement &other) const
{
    if (hashrateLow && !other.hashrateLow)
        return true;
    if (poolUnreachable && !other.poolUnreachable)
        return true;
    for (const QString &g : lowGroups)
        if (!other.lowGroups.contains(g))
            return true;
    auto it = other.down.cbegin();
    for (const auto &d : down) {
        while (it != other.down.cend() && it->first < d.first)
            ++it;
        if (it == other.down.cend() || it->first != d.first)
            return true;
    }
    for (const QString &w : degraded)
        if (!std::binary_search(other.degraded.cbegin(), other.degraded.cend(), w))
            return true;
    return other.isEmpty() && !flapping.isEmpty();
}

} // namespace rw
