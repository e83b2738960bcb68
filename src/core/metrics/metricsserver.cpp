#include "metrics/metricsserver.h"

#include "logging.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace rw {

MetricsServer::MetricsServer(std::function<QByteArray()> render, QObject *parent)
    : QObject(parent), m_render(std::move(render)), m_server(new QTcpServer(this))
{
    // Clients beyond the cap wait in the kernel's queue; a longer one than Qt's default keeps a
    // burst of them there (they cost this process nothing) instead of having their connection
    // attempts dropped and repeated seconds later.
    m_server->setListenBacklogSize(2 * kMaxConnections);
    m_server->setMaxPendingConnections(1); // what QTcpServer accepts ahead of this at the cap
    connect(m_server, &QTcpServer::newConnection, this, &MetricsServer::acceptPending);
    // Qt stops accepting after an accept fails (no descriptor left, say) and never starts again
    // by itself, which would leave /metrics deaf after a moment of exhaustion: try again in a
    // second. Qt 6.4 keeps reporting that first error for every later empty queue too, so an
    // error right after connections were taken is not one: accept again at once.
    connect(m_server, &QTcpServer::acceptError, this, [this] {
        const bool tookSome = std::exchange(m_acceptedSinceError, false);
        if (!tookSome && !std::exchange(m_acceptFailing, true))
            qCWarning(lcDaemon).noquote()
                << tr("/metrics cannot accept a connection (%1); it tries again every second")
                       .arg(m_server->errorString());
        QTimer::singleShot(tookSome ? 0 : 1000, this, [this] {
            if (m_open < kMaxConnections)
                m_server->resumeAccepting();
            else
                m_paused = true; // resumed when a connection closes
        });
    });
}

void MetricsServer::acceptPending()
{
    while (m_open < kMaxConnections) {
        QTcpSocket *s = m_server->nextPendingConnection();
        if (!s)
            break;
        serve(s);
    }
    // After the last nextPendingConnection(), which turns accepting back on.
    if (m_open >= kMaxConnections) {
        m_paused = true;
        m_server->pauseAccepting();
    }
}

void MetricsServer::connectionClosed()
{
    --m_open;
    if (m_paused && m_open < kMaxConnections) {
        m_paused = false;
        m_server->resumeAccepting();
        acceptPending(); // those QTcpServer had taken before the pause
    }
}

void MetricsServer::serve(QTcpSocket *s)
{
    ++m_open;
    m_acceptFailing = false;
    m_acceptedSinceError = true;
    connect(s, &QObject::destroyed, this, &MetricsServer::connectionClosed);
    connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    auto *idle = new QTimer(s);
    idle->setSingleShot(true);
    connect(idle, &QTimer::timeout, s, &QTcpSocket::abort);
    idle->start(m_idleTimeoutMs);
    QTimer::singleShot(kMaxConnectionMs, s, &QTcpSocket::abort);
    connect(s, &QTcpSocket::readyRead, this, [this, s, idle] {
        if (!s->canReadLine() && s->bytesAvailable() < 8192)
            return;
        idle->stop();
        disconnect(s, &QTcpSocket::readyRead, this, nullptr);
        answer(s);
    });
}

void MetricsServer::answer(QTcpSocket *s)
{
    const QByteArray requestLine = s->readLine(8192);
    while (s->bytesAvailable())
        s->readAll();
    const QList<QByteArray> parts = requestLine.split(' ');
    QByteArray status = "200 OK", type = "text/plain; version=0.0.4; charset=utf-8", body;
    const QByteArray path = parts.value(1).split('?').first();
    if (parts.value(0) != "GET" && parts.value(0) != "HEAD") {
        status = "405 Method Not Allowed";
        body = "only GET\n";
    } else if (path == "/metrics") {
        body = m_render();
    } else if (path == "/") {
        type = "text/html; charset=utf-8";
        body = "<html><body><a href=\"/metrics\">/metrics</a></body></html>\n";
    } else {
        status = "404 Not Found";
        body = "not found\n";
    }
    QByteArray reply = "HTTP/1.1 " + status + "\r\nContent-Type: " + type +
                       "\r\nContent-Length: " + QByteArray::number(body.size()) +
                       "\r\nConnection: close\r\n\r\n";
    if (parts.value(0) != "HEAD")
        reply += body;
    s->write(reply);
    s->disconnectFromHost();
}

bool MetricsServer::listen(const QString &hostPort, QString *error)
{
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    QString host = hostPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const quint16 port = quint16(hostPort.mid(colon + 1).toUInt());
    QHostAddress addr;
    if (host == QLatin1String("localhost"))
        addr = QHostAddress::LocalHost;
    else if (host == QLatin1String("*") || host.isEmpty())
        addr = QHostAddress::Any;
    else if (!addr.setAddress(host)) {
        *error = QStringLiteral("metrics listen address \"") + host +
                 QStringLiteral("\" is not an IP address");
        return false;
    }
    if (!m_server->listen(addr, port)) {
        *error = QStringLiteral("cannot listen for /metrics on ") + hostPort +
                 QStringLiteral(": ") + m_server->errorString();
        return false;
    }
    return true;
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

} // namespace rw
