#include "socks5proxy.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

namespace rw::sim {

struct Socks5Proxy::Session
{
    enum Stage
    {
        Greeting,
        Login,
        Request,
        Piping,
    };
    QTcpSocket *client = nullptr;
    QTcpSocket *upstream = nullptr;
    QByteArray in;
    Stage stage = Greeting;
};

Socks5Proxy::Socks5Proxy(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &Socks5Proxy::onNewConnection);
}

Socks5Proxy::~Socks5Proxy()
{
    for (Session *s : std::as_const(m_sessions)) {
        if (s->client)
            s->client->disconnect(this);
        if (s->upstream)
            s->upstream->disconnect(this);
        delete s;
    }
}

bool Socks5Proxy::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server->serverPort();
    return true;
}

void Socks5Proxy::setCredentials(const QString &user, const QString &password)
{
    m_user = user;
    m_password = password;
}

void Socks5Proxy::setMode(Mode mode)
{
    m_mode = mode;
    if (mode == Mode::Refuse) {
        m_server->close();
        for (Session *s : m_sessions)
            if (s->client)
                s->client->abort();
    } else if (!m_server->isListening()) {
        m_server->listen(QHostAddress::LocalHost, m_port);
    }
}

void Socks5Proxy::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        ++m_connections;
        auto *s = new Session;
        s->client = socket;
        m_sessions.append(s);
        connect(socket, &QTcpSocket::readyRead, this, [this, s] { onReadable(s); });
        connect(socket, &QTcpSocket::disconnected, this, [this, s] { close(s); });
    }
}

void Socks5Proxy::close(Session *s)
{
    if (!m_sessions.removeOne(s))
        return;
    if (s->upstream) {
        s->upstream->disconnect(this);
        s->upstream->disconnectFromHost();
        s->upstream->deleteLater();
    }
    if (s->client) {
        s->client->disconnect(this);
        s->client->disconnectFromHost();
        s->client->deleteLater();
    }
    delete s;
}

void Socks5Proxy::onReadable(Session *s)
{
    s->in += s->client->readAll();
    if (m_mode == Mode::Hang)
        return; // a proxy that takes the bytes and never says a word
    if (s->stage == Session::Piping) {
        s->upstream->write(std::exchange(s->in, QByteArray()));
        return;
    }
    if (s->stage == Session::Greeting) {
        if (s->in.size() < 2 || s->in.size() < 2 + quint8(s->in[1]))
            return;
        const QByteArray methods = s->in.mid(2, quint8(s->in[1]));
        s->in.remove(0, 2 + methods.size());
        const char wanted = m_user.isEmpty() ? '\x00' : '\x02';
        if (!methods.contains(wanted)) {
            s->client->write(QByteArray("\x05\xff", 2));
            return close(s);
        }
        s->client->write(QByteArray("\x05", 1) + wanted);
        s->stage = m_user.isEmpty() ? Session::Request : Session::Login;
    }
    if (s->stage == Session::Login) {
        // 0x01, ulen, user, plen, password
        if (s->in.size() < 2)
            return;
        const int ulen = quint8(s->in[1]);
        if (s->in.size() < 3 + ulen || s->in.size() < 3 + ulen + quint8(s->in[2 + ulen]))
            return;
        const int plen = quint8(s->in[2 + ulen]);
        const QString user = QString::fromUtf8(s->in.mid(2, ulen));
        const QString password = QString::fromUtf8(s->in.mid(3 + ulen, plen));
        s->in.remove(0, 3 + ulen + plen);
        const bool ok = user == m_user && password == m_password;
        s->client->write(QByteArray("\x01", 1) + (ok ? '\x00' : '\x01'));
        if (!ok) {
            ++m_refusedLogins;
            return close(s);
        }
        s->stage = Session::Request;
    }
    if (s->stage == Session::Request) {
        // 0x05, CONNECT 0x01, 0x00, ATYP, address, port
        if (s->in.size() < 5)
            return;
        const char atyp = s->in[3];
        int addrLen = atyp == 0x01 ? 4 : atyp == 0x04 ? 16 : 1 + quint8(s->in[4]);
        if (s->in.size() < 4 + addrLen + 2)
            return;
        QString host;
        if (atyp == 0x03)
            host = QString::fromUtf8(s->in.mid(5, addrLen - 1));
        else if (atyp == 0x01)
            host = QHostAddress(qFromBigEndian<quint32>(s->in.constData() + 4)).toString();
        else
            host = QHostAddress(reinterpret_cast<const quint8 *>(s->in.constData() + 4)).toString();
        const quint16 port = qFromBigEndian<quint16>(s->in.constData() + 4 + addrLen);
        s->in.remove(0, 4 + addrLen + 2);
        m_requested << host + QLatin1Char(':') + QString::number(port);
        const QString address = m_hosts.value(host, host);
        s->upstream = new QTcpSocket(this);
        connect(s->upstream, &QTcpSocket::connected, this, [s] {
            s->client->write(QByteArray("\x05\x00\x00\x01\x00\x00\x00\x00\x00\x00", 10));
            s->stage = Session::Piping;
            if (!s->in.isEmpty())
                s->upstream->write(std::exchange(s->in, QByteArray()));
        });
        connect(s->upstream, &QTcpSocket::readyRead, this,
                [s] { s->client->write(s->upstream->readAll()); });
        connect(s->upstream, &QTcpSocket::errorOccurred, this, [this, s] {
            if (s->stage != Session::Piping) // 0x05: connection refused by the destination
                s->client->write(QByteArray("\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00", 10));
            close(s);
        });
        connect(s->upstream, &QTcpSocket::disconnected, this, [this, s] { close(s); });
        s->upstream->connectToHost(address, port);
    }
}

} // namespace rw::sim
