// FakeF2pool: faults, counters, generators and the /sim/ control endpoints.
#include "fakef2pool.h"

#include "controlsurface.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rw::sim {

namespace {
const QList<FakeF2pool::Fault> kAllFaults = {
    FakeF2pool::Fault::None,          FakeF2pool::Fault::Hang,
    FakeF2pool::Fault::Drip,          FakeF2pool::Fault::Http500,
    FakeF2pool::Fault::Http401,       FakeF2pool::Fault::ErrorCode5010,
    FakeF2pool::Fault::InvalidJson,   FakeF2pool::Fault::TruncatedJson,
    FakeF2pool::Fault::Oversized,     FakeF2pool::Fault::Refused,
    FakeF2pool::Fault::EmptyList,     FakeF2pool::Fault::DeepJson,
    FakeF2pool::Fault::ChunkedFlood,  FakeF2pool::Fault::ChunkExtensions,
    FakeF2pool::Fault::EndlessHeader,
};
} // namespace

void FakeF2pool::setFault(Fault fault)
{
    if (fault == m_fault)
        return;
    const Fault previous = m_fault;
    m_fault = fault;
    qCInfo(lcSim) << "fake f2pool fault:" << faultName(fault);
    if (fault == Fault::Refused)
        m_server->stopListening();
    else if (previous == Fault::Refused)
        m_server->resumeListening();
    if (previous == Fault::Hang || previous == Fault::Drip || previous == Fault::ChunkedFlood ||
        previous == Fault::ChunkExtensions || previous == Fault::EndlessHeader)
        m_server->closeAllConnections(); // release what the old fault holds open
}

QString FakeF2pool::faultName(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Hang:
        return QStringLiteral("hang");
    case Fault::Drip:
        return QStringLiteral("drip");
    case Fault::Http500:
        return QStringLiteral("http500");
    case Fault::Http401:
        return QStringLiteral("http401");
    case Fault::ErrorCode5010:
        return QStringLiteral("error5010");
    case Fault::InvalidJson:
        return QStringLiteral("invalid-json");
    case Fault::TruncatedJson:
        return QStringLiteral("truncated-json");
    case Fault::Oversized:
        return QStringLiteral("oversized");
    case Fault::Refused:
        return QStringLiteral("refused");
    case Fault::EmptyList:
        return QStringLiteral("empty-list");
    case Fault::DeepJson:
        return QStringLiteral("deep-json");
    case Fault::ChunkedFlood:
        return QStringLiteral("chunked-flood");
    case Fault::ChunkExtensions:
        return QStringLiteral("chunk-extensions");
    case Fault::EndlessHeader:
        return QStringLiteral("endless-header");
    }
    return {};
}

std::optional<FakeF2pool::Fault> FakeF2pool::faultFromString(const QString &mode)
{
    return faultNamed(
        mode, kAllFaults, &faultName,
        {{"500", Fault::Http500}, {"401", Fault::Http401}, {"5010", Fault::ErrorCode5010}});
}

QStringList FakeF2pool::faultNames()
{
    return faultNamesOf(kAllFaults, &faultName);
}

void FakeF2pool::handleControl(const HttpRequest &request, HttpResponder &responder)
{
    auto answer = [&responder](int status, const QJsonObject &o) {
        answerJson(responder, status, o);
    };
    auto fail = [&responder](const QString &why) { refuseControl(responder, why); };
    const QJsonObject ok{{QStringLiteral("ok"), true}};
    const QString &path = request.path;
    const bool post = request.method == "POST";

    if (path == QLatin1String("/sim/state")) {
        const qint64 now = m_clock->nowSecs();
        QJsonArray rigs;
        for (const Rig &r : std::as_const(m_rigs))
            rigs.append(QJsonObject{{QStringLiteral("name"), r.name},
                                    {QStringLiteral("up"), up(r, now)},
                                    {QStringLiteral("listed"), listed(r, now)},
                                    {QStringLiteral("last_share_at"), lastShare(r, now)},
                                    {QStringLiteral("rate_factor"), rateFactor(r, now, 0)},
                                    {QStringLiteral("flap_period"), r.flapPeriod}});
        QJsonObject requests;
        for (auto it = m_requestsByPath.cbegin(); it != m_requestsByPath.cend(); ++it)
            requests.insert(it.key(), it.value());
        answer(200, {{QStringLiteral("fault"), faultName(m_fault)},
                     {QStringLiteral("date_skew_secs"), m_skew},
                     {QStringLiteral("now"), now},
                     {QStringLiteral("rigs"), rigs},
                     {QStringLiteral("requests"), requests}});
        return;
    }
    if (!post) {
        responder.respond(405, "control endpoints take POST\n", {{"Content-Type", "text/plain"}});
        return;
    }
    if (handleRigControl(request, responder))
        return;
    if (path == QLatin1String("/sim/fault")) {
        const QString mode = request.queryValue(QStringLiteral("mode"));
        const auto fault = faultFromString(mode);
        if (!fault)
            return fail(QStringLiteral("unknown fault mode '%1'; expected one of: %2")
                            .arg(mode, faultNames().join(QStringLiteral(", "))));
        answer(200, ok); // before "refused" closes this very connection (gracefully)
        setFault(*fault);
        return;
    }
    if (path == QLatin1String("/sim/rig")) {
        const QString name = request.queryValue(QStringLiteral("name"));
        const QString state = request.queryValue(QStringLiteral("state"));
        if (!rig(name, false))
            return fail(QStringLiteral("no rig named '%1'").arg(name));
        if (state == QLatin1String("running"))
            startRig(name);
        else if (state == QLatin1String("stopped"))
            stopRig(name);
        else if (state == QLatin1String("removed"))
            removeRig(name);
        else
            return fail(QStringLiteral("unknown rig state '%1'; expected running, stopped or "
                                       "removed")
                            .arg(state));
        answer(200, ok);
        return;
    }
    if (path == QLatin1String("/sim/skew")) {
        bool isNumber = false;
        const qint64 secs = request.queryValue(QStringLiteral("secs")).toLongLong(&isNumber);
        if (!isNumber)
            return fail(QStringLiteral("secs must be an integer number of seconds"));
        setDateSkewSecs(secs);
        answer(200, ok);
        return;
    }
    fail(QStringLiteral("unknown control endpoint %1; see fakef2pool.h").arg(path));
}

bool FakeF2pool::handleRigControl(const HttpRequest &request, HttpResponder &responder)
{
    const bool degrade = request.path == QLatin1String("/sim/degrade");
    const bool flap = request.path == QLatin1String("/sim/flap");
    if (!degrade && !flap)
        return false;
    if (request.method != "POST") {
        responder.respond(405, "control endpoints take POST\n", {{"Content-Type", "text/plain"}});
        return true;
    }
    const QString name = request.queryValue(QStringLiteral("name"));
    if (!rig(name, false)) {
        refuseControl(responder, QStringLiteral("no rig named '%1'").arg(name));
        return true;
    }
    const QString key = degrade ? QStringLiteral("factor") : QStringLiteral("period");
    const QString text = request.queryValue(key);
    bool isNumber = false;
    if (degrade) {
        const double factor = text.toDouble(&isNumber);
        if (!isNumber || !(factor > 0) || factor > kMaxRateFactor) {
            refuseControl(responder, QStringLiteral("factor must be a number above 0 and at most "
                                                    "%1 (0.6 = 60 % of the rig's rate), got '%2'")
                                         .arg(kMaxRateFactor)
                                         .arg(text));
            return true;
        }
        degradeRig(name, factor);
    } else {
        const qint64 period = text.toLongLong(&isNumber);
        if (!isNumber || period < 0) {
            refuseControl(responder, QStringLiteral("period must be a whole number of seconds, 0 "
                                                    "to stop flapping, got '%1'")
                                         .arg(text));
            return true;
        }
        flapRig(name, period);
    }
    answerJson(responder, 200, {{QStringLiteral("ok"), true}});
    return true;
}

QByteArray FakeF2pool::lastRequestHeader(const QByteArray &name) const
{
    for (const auto &h : m_lastHeaders)
        if (h.first == name.toLower())
            return h.second;
    return {};
}

int FakeF2pool::totalRequests() const
{
    int total = 0;
    for (int n : m_requestsByPath)
        total += n;
    return total;
}

void FakeF2pool::resetCounters()
{
    m_requestsByPath.clear();
    m_lastHeaders.clear();
    m_lastBody.clear();
    m_lastPath.clear();
    m_server->resetCounters();
}

QByteArray FakeF2pool::makeV2WorkerList(int workers, qint64 now, int offlineEvery)
{
    return f2pool::v2WorkerList(f2pool::syntheticRows(workers, now, offlineEvery));
}

QByteArray FakeF2pool::makeV1Reply(int workers, qint64 now, int offlineEvery)
{
    return f2pool::v1Reply(f2pool::syntheticRows(workers, now, offlineEvery), now);
}

} // namespace rw::sim
