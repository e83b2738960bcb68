#pragma once

// POSIX only: on other systems this header declares nothing and nothing links it.
#include <QtGlobal>
#ifdef Q_OS_UNIX

#include <QObject>

class QSocketNotifier;

namespace rw {

// Turns SIGTERM / SIGINT into terminate() and SIGHUP into reload(), delivered on the event loop
// (self-pipe), so shutdown and reloading run the normal code paths and persist state.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminate(int signal); // SIGTERM, SIGINT
    void reload();              // SIGHUP: read the configuration again

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace rw

#endif // Q_OS_UNIX
