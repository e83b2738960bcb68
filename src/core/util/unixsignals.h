#pragma once

// POSIX only: on other systems this header declares nothing and nothing links it.
#include <QtGlobal>
#ifdef Q_OS_UNIX

#include <QObject>

class QSocketNotifier;

namespace rw {

// Turns SIGTERM / SIGINT / SIGHUP into a Qt signal delivered on the event loop (self-pipe), so
// shutdown runs the normal code path and persists state.
class UnixSignals : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

signals:
    void terminate(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace rw

#endif // Q_OS_UNIX
