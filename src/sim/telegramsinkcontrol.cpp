// TelegramSink: fault names and the /sim/ control endpoints, so a standalone rigwatch_sim (or
// a test that starts it as a process) can switch faults the way in-process tests do.
#include "telegramsink.h"

#include "controlsurface.h"

#include <QJsonDocument>

namespace rw::sim {

namespace {
const QList<TelegramSink::Fault> kAllFaults = {
    TelegramSink::Fault::None,
    TelegramSink::Fault::TooManyRequests,
    TelegramSink::Fault::DeleteNotFound,
    TelegramSink::Fault::DeleteTooOld,
    TelegramSink::Fault::BotKicked,
    TelegramSink::Fault::ChatMigrated,
    TelegramSink::Fault::Hang,
    TelegramSink::Fault::Http500,
    TelegramSink::Fault::Http502,
    TelegramSink::Fault::Refused,
    TelegramSink::Fault::TextTooLong,
    TelegramSink::Fault::BadEntities,
    TelegramSink::Fault::CarriedOutNoAnswer,
    TelegramSink::Fault::CarriedOutGarbage,
    TelegramSink::Fault::CarriedOutSlowly,
    TelegramSink::Fault::OversizedAnswer,
    TelegramSink::Fault::Conflict,
    TelegramSink::Fault::UpdatesAtOnce,
    TelegramSink::Fault::UpdatesAgain,
    TelegramSink::Fault::NoSetMyCommands,
};
} // namespace

QString TelegramSink::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::TooManyRequests:
        return QStringLiteral("too-many-requests");
    case Fault::DeleteNotFound:
        return QStringLiteral("delete-not-found");
    case Fault::DeleteTooOld:
        return QStringLiteral("delete-too-old");
    case Fault::BotKicked:
        return QStringLiteral("bot-kicked");
    case Fault::ChatMigrated:
        return QStringLiteral("chat-migrated");
    case Fault::Hang:
        return QStringLiteral("hang");
    case Fault::Http500:
        return QStringLiteral("http500");
    case Fault::Http502:
        return QStringLiteral("http502");
    case Fault::Refused:
        return QStringLiteral("refused");
    case Fault::TextTooLong:
        return QStringLiteral("text-too-long");
    case Fault::BadEntities:
        return QStringLiteral("bad-entities");
    case Fault::CarriedOutNoAnswer:
        return QStringLiteral("carried-out-no-answer");
    case Fault::CarriedOutGarbage:
        return QStringLiteral("carried-out-garbage");
    case Fault::CarriedOutSlowly:
        return QStringLiteral("carried-out-slowly");
    case Fault::OversizedAnswer:
        return QStringLiteral("oversized-answer");
    case Fault::Conflict:
        return QStringLiteral("conflict");
    case Fault::UpdatesAtOnce:
        return QStringLiteral("updates-at-once");
    case Fault::UpdatesAgain:
        return QStringLiteral("updates-again");
    case Fault::NoSetMyCommands:
        return QStringLiteral("no-set-my-commands");
    }
    return {};
}

std::optional<TelegramSink::Fault> TelegramSink::faultFromString(const QString &mode)
{
    return faultNamed(mode, kAllFaults, &faultName,
                      {{"429", Fault::TooManyRequests},
                       {"409", Fault::Conflict},
                       {"500", Fault::Http500},
                       {"502", Fault::Http502}});
}

QStringList TelegramSink::faultNames()
{
    return faultNamesOf(kAllFaults, &faultName);
}

void TelegramSink::handleControl(const HttpRequest &request, HttpResponder &responder)
{
    auto answer = [&responder](int status, const QJsonObject &o) {
        answerJson(responder, status, o);
    };
    auto fail = [&responder](const QString &why) { refuseControl(responder, why); };
    const QString &path = request.path;

    if (path == QLatin1String("/sim/state")) {
        QJsonObject chats;
        for (const QString &chat : this->chats())
            chats.insert(chat, int(messages(chat).size()));
        QJsonObject calls;
        for (const Call &c : std::as_const(m_calls))
            if (!c.method.isEmpty())
                calls.insert(c.method, calls.value(c.method).toInt() + 1);
        answer(200, {{QStringLiteral("fault"), faultName(m_fault)},
                     {QStringLiteral("fault_calls"), m_faultCalls},
                     {QStringLiteral("fault_method"), m_faultMethod},
                     {QStringLiteral("retry_after"), m_retryAfter},
                     {QStringLiteral("live_messages"), chats},
                     {QStringLiteral("calls"), calls}});
        return;
    }
    if (request.method != "POST") {
        responder.respond(405, "control endpoints take POST\n", {{"Content-Type", "text/plain"}});
        return;
    }
    if (path == QLatin1String("/sim/update") || path == QLatin1String("/sim/press"))
        return handleUpdateControl(request, responder);
    if (path == QLatin1String("/sim/fault")) {
        const QString mode = request.queryValue(QStringLiteral("mode"));
        const auto fault = faultFromString(mode);
        if (!fault)
            return fail(QStringLiteral("unknown fault mode '%1'; expected one of: %2")
                            .arg(mode, faultNames().join(QStringLiteral(", "))));
        int calls = -1;
        const QString callsText = request.queryValue(QStringLiteral("calls"));
        if (!callsText.isEmpty()) {
            bool isNumber = false;
            calls = callsText.toInt(&isNumber);
            if (!isNumber || calls < 1)
                return fail(QStringLiteral("calls must be a positive number of calls"));
        }
        int retryAfter = m_retryAfter;
        const QString retryText = request.queryValue(QStringLiteral("retry_after"));
        if (!retryText.isEmpty()) {
            bool isNumber = false;
            retryAfter = retryText.toInt(&isNumber);
            if (!isNumber || retryAfter < 1)
                return fail(QStringLiteral("retry_after must be a positive number of seconds"));
        }
        answer(200, {{QStringLiteral("ok"), true}}); // before "refused" stops listening
        setRetryAfterSecs(retryAfter);
        if (*fault == Fault::None)
            clearFaults();
        else
            injectFault(*fault, calls, request.queryValue(QStringLiteral("method")));
        return;
    }
    fail(QStringLiteral("unknown control endpoint %1; see telegramsink.h").arg(path));
}

} // namespace rw::sim
