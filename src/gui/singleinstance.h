#pragma once

#include <QObject>

class QLocalServer;

namespace rw {

// One RigWatch per user session: the first instance listens on a local socket; a second
// launch finds it, asks it to raise its window, and exits.
class SingleInstance : public QObject
{
    Q_OBJECT
public:
    explicit SingleInstance(const QString &name = defaultName(), QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when another instance answered (it has been asked to show itself): exit now.
    // False: this is the first instance and now listens.
    bool notifyRunning();
    bool isListening() const;
    static QString defaultName(); // per user, so two users on one machine do not collide

signals:
    void raiseRequested();

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace rw
