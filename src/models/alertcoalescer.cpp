#include "alertcoalescer.h"

#include "util/units.h"

namespace rw {

AlertCoalescer::AlertCoalescer(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(1500);
    connect(&m_timer, &QTimer::timeout, this, &AlertCoalescer::flush);
}

void AlertCoalescer::setPaused(bool paused)
{
    m_paused = paused;
    if (paused) {
        m_pending.clear();
        m_timer.stop();
    }
}

void AlertCoalescer::add(const QString &accountKey, const QVector<Event> &events)
{
    if (m_paused)
        return;
    for (const Event &e : events) {
        // Retired workers are shown, never alerted; a flapping worker's changes are listed in
        // its account's message, not popped up one by one; the end of a degraded period or of
        // flapping is no news worth a pop-up.
        if (e.kind == Event::Retired || e.flapping || e.kind == Event::DegradedRecovered ||
            e.kind == Event::StoppedFlapping)
            continue;
        m_pending.push_back({accountKey, e});
    }
    if (!m_pending.isEmpty() && !m_timer.isActive())
        m_timer.start();
}

void AlertCoalescer::setIncident(const QString &accountKey, const QString &name,
                                 const Incident &incident)
{
    Account &a = m_accounts[accountKey];
    a.name = name;
    a.incident = incident;
    if (!incident.isEmpty())
        a.openSince = incident.since;
}

void AlertCoalescer::setLanguage(const QString &language)
{
    if (language != m_formatter.language())
        m_formatter = MessageFormatter(language);
}

QString AlertCoalescer::nameOf(const QString &key) const
{
    // Names are the pool's (or the operator's) free text: shown, never obeyed (line breaks,
    // escape sequences and bidirectional overrides made visible, as in the Telegram texts).
    const auto a = m_accounts.constFind(key);
    return MessageFormatter::displayable(a == m_accounts.cend() ? key : a->name);
}

QString AlertCoalescer::standingText(const QString &key) const
{
    const auto account = m_accounts.constFind(key);
    if (account == m_accounts.cend())
        return {};
    const Incident &incident = account->incident;
    if (incident.isEmpty())
        return MessageFormatter::plainText(
            m_formatter.resolvedText(account->name, account->openSince, incident.at));
    // The Telegram text, with as many worker lines as a balloon shows.
    return m_formatter.incidentText(account->name, incident, TextFormat::Plain, kShownWorkers)
        .trimmed();
}

QString AlertCoalescer::namesLine(const QStringList &names)
{
    constexpr int kShown = 5;
    QStringList shown = names.mid(0, kShown);
    QString line = shown.join(QStringLiteral(", "));
    if (names.size() > kShown)
        line = tr("%1 … and %2 more").arg(line).arg(names.size() - kShown);
    return line;
}

void AlertCoalescer::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    QStringList down, back, degraded, lines;
    QStringList accounts;
    Severity severity = Info;
    for (const Pending &p : std::as_const(m_pending)) {
        if (!accounts.contains(p.account))
            accounts << p.account;
        const Event &e = p.event;
        switch (e.kind) {
        case Event::WentOffline:
        case Event::WentMissing:
            down << MessageFormatter::displayable(e.worker);
            severity = std::max(severity, Warning);
            break;
        case Event::CameBack:
            back << MessageFormatter::displayable(e.worker);
            break;
        case Event::HashrateLow:
            lines << tr("%1: hashrate below the floor.").arg(nameOf(p.account));
            severity = Critical;
            break;
        case Event::HashrateRecovered:
            lines << tr("%1: hashrate back above the floor.").arg(nameOf(p.account));
            break;
        case Event::PoolUnreachable:
            lines << tr("%1: the pool is not answering (%2).")
                         .arg(nameOf(p.account), MessageFormatter::displayable(e.detail));
            severity = std::max(severity, Warning);
            break;
        case Event::PoolRecovered:
            lines << tr("%1: the pool answers again after %2.")
                         .arg(nameOf(p.account), formatDuration(e.durationSecs));
            break;
        case Event::WentDegraded: // notifies like a newly offline worker
            degraded << MessageFormatter::displayable(e.worker);
            severity = std::max(severity, Warning);
            break;
        case Event::StartedFlapping:
            lines << tr("%1 keeps going offline and back (%2 changes)")
                         .arg(MessageFormatter::displayable(e.worker), e.detail);
            severity = std::max(severity, Warning);
            break;
        case Event::Retired:
        case Event::DegradedRecovered:
        case Event::StoppedFlapping:
            break;
        }
    }
    m_pending.clear();

    QString title;
    if (!down.isEmpty() && !back.isEmpty())
        title = tr("%n worker(s) went offline, %1 came back", nullptr, int(down.size()))
                    .arg(back.size());
    else if (!down.isEmpty())
        title = down.size() == 1 ? tr("%1 went offline").arg(down.first())
                                 : tr("%n workers went offline", nullptr, int(down.size()));
    else if (!back.isEmpty())
        title = back.size() == 1 ? tr("%1 is back online").arg(back.first())
                                 : tr("%n workers are back online", nullptr, int(back.size()));
    else if (!degraded.isEmpty())
        title = degraded.size() == 1 ? tr("%1 is degraded").arg(degraded.first())
                                     : tr("%n workers are degraded", nullptr, int(degraded.size()));
    else if (!lines.isEmpty())
        title = lines.takeFirst();
    else
        return;

    // What stands now, per account, as the Telegram message says it; without the account's
    // picture (not polled yet), the names of what changed.
    QStringList body;
    for (const QString &a : std::as_const(accounts))
        body << standingText(a);
    if (body.contains(QString())) {
        body.clear();
        if (!down.isEmpty())
            body << tr("Offline: %1").arg(namesLine(down));
        if (!back.isEmpty())
            body << tr("Back: %1").arg(namesLine(back));
        if (!degraded.isEmpty())
            body << tr("Degraded: %1").arg(namesLine(degraded));
        body << lines;
        if (accounts.size() == 1 && !accounts.first().isEmpty())
            body << tr("Account: %1").arg(nameOf(accounts.first()));
    }
    emit alert(title, body.join(QLatin1Char('\n')), severity);
}

} // namespace rw
