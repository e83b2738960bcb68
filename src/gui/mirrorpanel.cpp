#include "mirrorpanel.h"

#include "enginehost.h"

#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rw {

namespace {
enum Col
{
    ColPosted,
    ColEdited,
    ColState,
    ColAccount,
    ColText,
    ColDetail,
    ColCount
};
constexpr int TextRole = Qt::UserRole + 1;

QString localTime(qint64 secs)
{
    return secs > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(secs).toLocalTime(),
                                         QLocale::ShortFormat)
                    : QString();
}
} // namespace

MirrorPanel::MirrorPanel(EngineHost *host, QWidget *parent)
    : QWidget(parent), m_host(host), m_note(new QLabel(this)), m_blocked(new QLabel(this)),
      m_commands(new QLabel(this)), m_list(new QTreeWidget(this)), m_text(new QPlainTextEdit(this))
{
    m_commands->setObjectName(QStringLiteral("commandsProblem"));
    m_commands->setWordWrap(true);
    m_commands->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_commands->hide();
    m_blocked->setObjectName(QStringLiteral("telegramBlocked"));
    m_blocked->setWordWrap(true);
    m_blocked->setStyleSheet(QStringLiteral("color: #c62828;")); // the failed rows' red
    m_blocked->hide();
    m_list->setObjectName(QStringLiteral("mirrorList"));
    m_list->setColumnCount(ColCount);
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(ColPosted, 150);
    m_list->setColumnWidth(ColEdited, 150);
    m_list->setColumnWidth(ColState, 90);
    m_list->setColumnWidth(ColAccount, 110);
    m_list->setColumnWidth(ColText, 380);
    m_text->setReadOnly(true);
    m_note->setWordWrap(true);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_list);
    split->addWidget(m_text);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_blocked);
    layout->addWidget(m_commands);
    layout->addWidget(split, 1);

    connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        m_text->setPlainText(item ? item->data(ColText, TextRole).toString() : QString());
    });
    connect(m_host, &EngineHost::messagesReady, this, &MirrorPanel::onMessages);
    connect(m_host, &EngineHost::messagesChanged, this, &MirrorPanel::refresh);
    connect(m_host, &EngineHost::telegramBlockedUntil, this, &MirrorPanel::setTelegramBlockedUntil);
    connect(m_host, &EngineHost::commandsProblem, this, &MirrorPanel::setCommandsProblem);
    // A restarted engine says again what still stands.
    connect(m_host, &EngineHost::started, this, [this] { setCommandsProblem(QString()); });
    retranslate();
}

void MirrorPanel::retranslate()
{
    m_list->setHeaderLabels({tr("Posted"), tr("Edited"), tr("State"), tr("Account"),
                             tr("Text as sent"), tr("Details")});
    m_note->setText(m_enabled
                        ? tr("What RigWatch posted to the Telegram chat, newest first. A live "
                             "message stands for an ongoing incident; it is retracted when "
                             "all is well again.")
                        : tr("Telegram is not configured: add a bot token and a chat in the "
                             "settings to mirror incidents to a channel."));
    // Alerts held back are otherwise invisible here: nothing was posted, so there is no row.
    m_blocked->setVisible(m_blockedUntilMs > 0);
    if (m_blockedUntilMs > 0)
        m_blocked->setText(
            tr("Telegram asked to wait until %1: alerts that come up meanwhile are posted then.")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_blockedUntilMs).time(),
                                        QLocale::ShortFormat)));
    // The engine's sentence (in the window's language when it was said); alerts still flow.
    m_commands->setVisible(!m_commandsProblem.isEmpty());
    m_commands->setText(tr("Commands: %1").arg(m_commandsProblem));
}

void MirrorPanel::setCommandsProblem(const QString &problem)
{
    m_commandsProblem = problem;
    retranslate();
}

void MirrorPanel::setTelegramBlockedUntil(qint64 untilMs)
{
    m_blockedUntilMs = std::max<qint64>(0, untilMs);
    retranslate();
}

void MirrorPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh(); // the rows' states and times, in the new language
    }
    QWidget::changeEvent(event);
}

void MirrorPanel::showEvent(QShowEvent *event)
{
    refresh();
    QWidget::showEvent(event);
}

void MirrorPanel::setTelegramEnabled(bool enabled)
{
    m_enabled = enabled;
    retranslate();
}

int MirrorPanel::messageCount() const
{
    return m_list->topLevelItemCount();
}

void MirrorPanel::refresh()
{
    // Hidden (another tab, or the window in the tray), a list rebuilt after every message is
    // work for nobody: showing the panel asks again.
    if (!isVisible())
        return;
    m_pending = m_host->requestMessages();
}

QString MirrorPanel::plainText(const QString &telegramHtml)
{
    // Telegram HTML: a handful of tags, entities for < > & " and real newlines.
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    QString t = telegramHtml;
    t.remove(tag);
    t.replace(QLatin1String("&lt;"), QLatin1String("<"));
    t.replace(QLatin1String("&gt;"), QLatin1String(">"));
    t.replace(QLatin1String("&quot;"), QLatin1String("\""));
    t.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return t;
}

QString MirrorPanel::stateText(LiveMessage::State state)
{
    switch (state) {
    case LiveMessage::Sending:
        return tr("sending");
    case LiveMessage::Live:
        return tr("live");
    case LiveMessage::Retracted:
        return tr("retracted");
    case LiveMessage::Failed:
        return tr("failed");
    }
    return {};
}

void MirrorPanel::onMessages(int requestId, const QVector<LiveMessage> &messages)
{
    if (requestId != m_pending)
        return;
    m_pending = 0;
    const qint64 selected =
        m_list->currentItem() ? m_list->currentItem()->data(ColPosted, TextRole).toLongLong() : 0;
    m_list->clear();
    QList<QTreeWidgetItem *> items;
    QTreeWidgetItem *current = nullptr;
    for (const LiveMessage &m : messages) {
        const QString text = plainText(m.text);
        auto *item = new QTreeWidgetItem;
        item->setText(ColPosted, localTime(m.sentAt));
        item->setText(ColEdited, localTime(m.editedAt));
        item->setText(ColState, stateText(m.state));
        item->setText(ColAccount, m.account);
        item->setText(ColText, text.trimmed()
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts)
                                   .join(QStringLiteral(" · ")));
        item->setToolTip(ColText, text);
        item->setText(ColDetail, m.detail);
        item->setData(ColText, TextRole, text);
        item->setData(ColPosted, TextRole, m.id);
        if (m.state == LiveMessage::Live) {
            QFont f = item->font(ColState);
            f.setBold(true);
            item->setFont(ColState, f);
        } else if (m.state == LiveMessage::Failed) {
            item->setForeground(ColState, QColor(0xc6, 0x28, 0x28));
            item->setForeground(ColDetail, QColor(0xc6, 0x28, 0x28));
        } else if (m.state == LiveMessage::Retracted) {
            for (int c = 0; c < ColCount; ++c)
                item->setForeground(c, QColor(0x80, 0x80, 0x80));
        }
        if (m.id == selected)
            current = item;
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (!current && !items.isEmpty())
        current = items.first(); // the newest: its full text shows below
    if (current)
        m_list->setCurrentItem(current);
}

} // namespace rw
