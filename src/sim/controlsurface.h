#pragma once

// What the fakes' /sim/ control endpoints share: fault names as a test or a shell types them
// ("carried-out-garbage", "CarriedOutGarbage", "carried_out_garbage" and numeric aliases) and
// the JSON answers.
#include "httpserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>
#include <utility>

namespace rw::sim {

// Case, '-' and '_' do not matter in a fault's name.
inline QString squashedName(QString s)
{
    return s.toLower().remove(QLatin1Char('-')).remove(QLatin1Char('_'));
}

// The fault called mode (see squashedName), or one of aliases ({"429", TooManyRequests}).
template <typename Fault, typename NameOf>
std::optional<Fault> faultNamed(const QString &mode, const QList<Fault> &all, NameOf nameOf,
                                std::initializer_list<std::pair<const char *, Fault>> aliases = {})
{
    const QString wanted = squashedName(mode);
    for (Fault f : all)
        if (squashedName(nameOf(f)) == wanted)
            return f;
    for (const auto &[alias, fault] : aliases)
        if (wanted == QLatin1String(alias))
            return fault;
    return std::nullopt;
}

template <typename Fault, typename NameOf>
QStringList faultNamesOf(const QList<Fault> &all, NameOf nameOf)
{
    QStringList names;
    for (Fault f : all)
        names.append(nameOf(f));
    return names;
}

inline void answerJson(HttpResponder &responder, int status, const QJsonObject &o)
{
    responder.respond(status, QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n',
                      {{"Content-Type", "application/json"}});
}

// 400 {"ok": false, "error": why}
inline void refuseControl(HttpResponder &responder, const QString &why)
{
    answerJson(responder, 400, {{QStringLiteral("ok"), false}, {QStringLiteral("error"), why}});
}

} // namespace rw::sim
