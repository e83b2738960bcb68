#pragma once

#include "engine/accountview.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace rw {

// The status bar's words for the shown account: last successful poll, next poll (counting
// down), and the last error as the engine phrased it ("f2pool did not answer within 30 s").
// A DEMO badge stays visible while the app watches the simulated farm.
class StatusPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatusPanel(QWidget *parent = nullptr);

    void setView(const AccountView &view);
    void setDemo(bool demo);
    void setMessage(const QString &message); // e.g. "Starting…", "The database could not open"
    QString text() const;                    // everything shown, for tests

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();

    AccountView m_view;
    bool m_haveView = false;
    QString m_message;
    QLabel *m_demo;
    QLabel *m_poll;
    QLabel *m_error;
    QTimer m_tick;
};

} // namespace rw
