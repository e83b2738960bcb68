#pragma once

#include <QObject>
#include <functional>

class QTcpServer;

namespace rw {

// Serves GET /metrics on host:port with whatever the render callback returns. Deliberately
// minimal: one request per connection, no keep-alive, everything else 404.
class MetricsServer : public QObject
{
    Q_OBJECT
public:
    explicit MetricsServer(std::function<QByteArray()> render, QObject *parent = nullptr);
    // "127.0.0.1:9464", "[::1]:9464", "0.0.0.0:9464". On failure false + *error.
    bool listen(const QString &hostPort, QString *error);
    quint16 port() const;

private:
    std::function<QByteArray()> m_render;
    QTcpServer *m_server;
};

} // namespace rw
