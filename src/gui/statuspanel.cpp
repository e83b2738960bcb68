#include "statuspanel.h"

#include "clock.h"

#include "util/units.h"

#include <QDateTime>
#include <QEvent>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHideEvent>
#include <QLabel>
#include <QLocale>
#include <QShowEvent>

#include <algorithm>

namespace rw {

StatusPanel::StatusPanel(const Clock *clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_demo(new QLabel(this)), m_poll(new QLabel(this)),
      m_error(new QLabel(this))
{
    m_demo->setObjectName(QStringLiteral("demoBadge"));
    m_demo->setStyleSheet(QStringLiteral(
        "QLabel { background: #f9a825; color: #1a1a1a; font-weight: bold; padding: 1px 6px; "
        "border-radius: 3px; }"));
    m_demo->hide();
    m_poll->setObjectName(QStringLiteral("pollStatus"));
    m_poll->setTextFormat(Qt::PlainText); // engine messages are text; setPollText measures them
    m_error->setObjectName(QStringLiteral("errorStatus"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    auto *l = new QHBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_demo);
    l->addWidget(m_poll);
    l->addWidget(m_error, 1);
    m_demo->setText(tr("DEMO — simulated farm"));
    m_tick.setInterval(1000);
    // Whole-second ticks are enough for texts in seconds, and all such timers of the app (the
    // worker table's and the status bar's) then share one wake-up of the GUI thread.
    m_tick.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, &StatusPanel::update);
    update();
}

void StatusPanel::setView(const AccountView &view)
{
    m_view = view.withoutWorkers();
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
    if (event->type() == QEvent::LanguageChange) {
        m_demo->setText(tr("DEMO — simulated farm"));
        m_lastPollTimeOf = 0; // the time in the new language's format
        update();
    }
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        m_pollShape.clear(); // measure again
    QWidget::changeEvent(event);
}

void StatusPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    update(); // catch up on what changed while hidden
    m_tick.start();
}

void StatusPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_tick.stop(); // nobody reads the counts in the tray
}

void StatusPanel::setPollText(const QString &text)
{
    if (text == m_poll->text())
        return;
    // A label whose text changes asks its parent for a new layout, which goes up to the main
    // window (every second here, for "12 s ago"). With a fixed size the request stops at the
    // label: the width only grows (with room for a few more digits) or shrinks when much too
    // wide, so the layout runs a few times per text, not once a second. Measuring is text
    // shaping, as dear as the layout: it is done once per text with its digits as zeros.
    QString shape = text;
    for (QChar &c : shape)
        if (c.isDigit())
            c = QLatin1Char('0');
    if (shape != m_pollShape) {
        m_pollShape = shape;
        const QFontMetrics fm = m_poll->fontMetrics();
        const QMargins m = m_poll->contentsMargins();
        const int needed =
            fm.horizontalAdvance(shape) + m.left() + m.right() + 2 * m_poll->margin();
        const int slack = 4 * fm.horizontalAdvance(QLatin1Char('0'));
        const int width = m_poll->minimumWidth();
        if (m_poll->maximumWidth() != width || needed > width || needed + 3 * slack < width)
            m_poll->setFixedSize(needed + slack,
                                 std::max(m_poll->sizeHint().height(), fm.height()));
    }
    m_poll->setText(text);
}

void StatusPanel::update()
{
    if (!m_message.isEmpty() || !m_haveView) {
        setPollText(m_message.isEmpty() ? tr("Waiting for the first poll…") : m_message);
        m_error->clear();
        return;
    }
    const qint64 nowMs = m_clock->nowMs();
    QStringList parts;
    const qint64 last = m_view.state.lastSuccessAt;
    if (last > 0) {
        if (last != m_lastPollTimeOf || nowMs / 60'000 != m_lastPollTimeMinute) {
            m_lastPollTimeOf = last;
            m_lastPollTimeMinute = nowMs / 60'000;
            m_lastPollTime = QLocale().toString(
                QDateTime::fromSecsSinceEpoch(last).toLocalTime().time(), QLocale::ShortFormat);
        }
        parts << tr("Last successful poll %1 (%2 ago)")
                     .arg(m_lastPollTime, formatDuration(std::max<qint64>(0, nowMs / 1000 - last)));
    } else {
        parts << tr("No successful poll yet");
    }
    if (m_view.nextPollAtMs > 0) {
        const qint64 in = (m_view.nextPollAtMs - nowMs) / 1000;
        parts << (in > 0 ? tr("next poll in %1").arg(formatDuration(in)) : tr("polling now…"));
    }
    setPollText(parts.join(QStringLiteral(" · ")));
    const QString err = m_view.state.lastError;
    if (!m_view.lastPollOk && !err.isEmpty())
        m_error->setText(tr("Last poll failed: %1").arg(err));
    else
        m_error->setText(m_view.replyNotice); // e.g. the pool's Date header was ignored
}

} // namespace rw
