#include "metrics/metricsserver.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace rw {

MetricsServer::MetricsServer(std::function<QByteArray()> render, QObject *parent)
    : QObject(parent), m_render(std::move(render)), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server->nextPendingConnection()) {
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            // a client that never finishes its request does not hold the socket forever
            QTimer::singleShot(10000, s, [s] { s->abort(); });
            connect(s, &QTcpSocket::readyRead, this, [this, s] {
                if (!s->canReadLine() && s->bytesAvailable() < 8192)
                    return;
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
            });
        }
    });
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
        *error = QStringLiteral("metrics listen address \"") + host + QStringLiteral("\" is not an IP address");
        return false;
    }
    if (!m_server->listen(addr, port)) {
        *error = QStringLiteral("cannot listen for /metrics on ") + hostPort + QStringLiteral(": ") +
                 m_server->errorString();
        return false;
    }
    return true;
}

quint16 MetricsServer::port() const
{
    return m_server->serverPort();
}

} // namespace rw
