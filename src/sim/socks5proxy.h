#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

class QTcpServer;
class QTcpSocket;

namespace rw::sim {

// A small SOCKS5 proxy on loopback (RFC 1928, with the user/password method of RFC 1929) for
// tests of RigWatch behind a proxy: CONNECT only, names resolved here through a table of its
// own (so a name the test machine cannot resolve, "telegram.invalid", still works through it,
// as remote DNS does), and faults: refuse connections, or accept and never answer.
class Socks5Proxy : public QObject
{
    Q_OBJECT
public:
    enum class Mode
    {
        Normal,
        Refuse, // not listening: "connection refused"
        Hang,   // accepts, reads, never answers
    };

    explicit Socks5Proxy(QObject *parent = nullptr);
    ~Socks5Proxy() override;

    bool listen();
    quint16 port() const { return m_port; }
    // name -> address the proxy connects to for it (e.g. "telegram.invalid" -> "127.0.0.1")
    void mapHost(const QString &name, const QString &address) { m_hosts.insert(name, address); }
    // Require this user and password (RFC 1929); empty = no authentication.
    void setCredentials(const QString &user, const QString &password);
    void setMode(Mode mode);

    QStringList requestedHosts() const { return m_requested; } // "name:port", in order
    int connections() const { return m_connections; }
    int refusedLogins() const { return m_refusedLogins; }

private:
    struct Session;
    void onNewConnection();
    void onReadable(Session *s);
    void close(Session *s);

    QTcpServer *m_server;
    quint16 m_port = 0;
    QHash<QString, QString> m_hosts;
    QString m_user, m_password;
    Mode m_mode = Mode::Normal;
    QStringList m_requested;
    int m_connections = 0;
    int m_refusedLogins = 0;
    QList<Session *> m_sessions;
};

} // namespace rw::sim
