#include "statuspanel.h"

#include "util/units.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace rw {

StatusPanel::StatusPanel(QWidget *parent)
    : QWidget(parent), m_demo(new QLabel(this)), m_poll(new QLabel(this)), m_error(new QLabel(this))
{
    m_demo->setObjectName(QStringLiteral("demoBadge"));
    m_demo->setStyleSheet(QStringLiteral(
        "QLabel { background: #f9a825; color: #1a1a1a; font-weight: bold; padding: 1px 6px; "
        "border-radius: 3px; }"));
    m_demo->hide();
    m_poll->setObjectName(QStringLiteral("pollStatus"));
    m_error->setObjectName(QStringLiteral("errorStatus"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_demo);
    l->addWidget(m_poll);
    l->addWidget(m_error, 1);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &StatusPanel::update);
    m_tick.start();
    update();
}

void StatusPanel::setView(const AccountView &view)
{
    m_view = view;
    m_haveView = true;
    m_message.clear();
    update();
}

void StatusPanel::setDemo(bool demo)
{
    m_demo->setVisible(demo);
    update();
}

void StatusPanel::setMessage(const QString &message)
{
    m_message = message;
    update();
}

QString StatusPanel::text() const
{
    QStringList parts;
    for (const QLabel *l : {m_demo, m_poll, m_error})
        if (!l->isHidden() && !l->text().isEmpty())
            parts << l->text();
    return parts.join(QStringLiteral(" | "));
}

void StatusPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

void StatusPanel::update()
{
    m_demo->setText(tr("DEMO — simulated farm"));
    if (!m_message.isEmpty() || !m_haveView) {
        m_poll->setText(m_message.isEmpty() ? tr("Waiting for the first poll…") : m_message);
        m_error->clear();
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QStringList parts;
    const qint64 last = m_view.state.lastSuccessAt;
    if (last > 0)
        parts << tr("Last successful poll %1 (%2 ago)")
                     .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(last).toLocalTime().time(),
                                             QLocale::ShortFormat),
                          formatDuration(std::max<qint64>(0, nowMs / 1000 - last)));
    else
        parts << tr("No successful poll yet");
    if (m_view.nextPollAtMs > 0) {
        const qint64 in = (m_view.nextPollAtMs - nowMs) / 1000;
        parts << (in > 0 ? tr("next poll in %1").arg(formatDuration(in)) : tr("polling now…"));
    }
    m_poll->setText(parts.join(QStringLiteral(" · ")));
    const QString err = m_view.state.lastError;
    m_error->setText(!m_view.lastPollOk && !err.isEmpty() ? tr("Last poll failed: %1").arg(err)
                                                          : QString());
}

} // namespace rw
