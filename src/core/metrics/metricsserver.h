#pragma once

#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace rw {

// Serves GET /metrics on host:port with whatever the render callback returns. Deliberately
// minimal: one request per connection, no keep-alive, everything else 404.
//
// Bounded, so that idle or slow clients cannot take the file descriptors the pool and Telegram
// need: at most kMaxConnections at once, a connection that has not sent its request line within
// the idle timeout is closed, and none stays longer than kMaxConnectionMs. At the cap the server
// stops accepting (no descriptor, no CPU spent) and further clients wait in the kernel's listen
// queue until a connection closes, rather than being refused: a scrape that arrives while idle
// connections hold every slot is answered late instead of failing.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxConnections = 64;
    static constexpr int kDefaultIdleTimeoutMs = 5000;
    static constexpr int kMaxConnectionMs = 10000; // also a client that does not read the answer

    explicit MetricsServer(std::function<QByteArray()> render, QObject *parent = nullptr);
    // How long a connection may stay without a complete request line (for new connections).
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    // "127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464". On failure false + *error.
    bool listen(const QString &hostPort, QString *error);
    quint16 port() const;
    int openConnections() const { return m_open; }

private:
    void acceptPending();
    void serve(QTcpSocket *s);
    void answer(QTcpSocket *s);
    void connectionClosed();

    std::function<QByteArray()> m_render;
    QTcpServer *m_server;
    int m_idleTimeoutMs = kDefaultIdleTimeoutMs;
    int m_open = 0;
    bool m_paused = false;
    bool m_acceptFailing = false;      // accepting fails; said once until a connection is taken
    bool m_acceptedSinceError = false; // a connection was taken since Qt last reported an error
};

} // namespace rw
