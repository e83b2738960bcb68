#pragma once

#include "store/store.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeWidget;

namespace rw {

class EngineHost;

// The Telegram channel as RigWatch left it, from the store: every message it posted, the text
// as sent, when it was posted and edited, and its state (sending, live, retracted, failed with
// the reason). Refreshed whenever the notifier reports a change.
class MirrorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit MirrorPanel(EngineHost *host, QWidget *parent = nullptr);

    void refresh();
    void setTelegramEnabled(bool enabled);
    // Telegram's 429 holds every call back until untilMs (unix ms; 0: it does not), as
    // TelegramNotifier::blockedUntilMs() says: shown above the list while it lasts.
    void setTelegramBlockedUntil(qint64 untilMs);
    // Why the bot's commands are not read (a 409: another program reads its updates, or a
    // webhook is set), shown above the list until it is over ("" ends it).
    void setCommandsProblem(const QString &problem);
    int messageCount() const;

    static QString plainText(const QString &telegramHtml);
    static QString stateText(LiveMessage::State state);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void onMessages(int requestId, const QVector<LiveMessage> &messages);
    void retranslate();

    EngineHost *m_host;
    int m_pending = 0;
    bool m_enabled = false;
    qint64 m_blockedUntilMs = 0;
    QString m_commandsProblem;
    QLabel *m_note;
    QLabel *m_blocked;
    QLabel *m_commands;
    QTreeWidget *m_list;
    QPlainTextEdit *m_text;
};

} // namespace rw
