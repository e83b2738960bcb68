#include "httpserver.h"

#include "httpconnection.h"

#include <QDateTime>
#include <QHostAddress>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>

namespace rw::sim {

Q_LOGGING_CATEGORY(lcSim, "rigwatch.sim", QtInfoMsg)

// ---- HttpRequest ---------------------------------------------------------------------------

QByteArray HttpRequest::header(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers)
        if (h.first == lower)
            return h.second;
    return {};
}

bool HttpRequest::hasHeader(const QByteArray &name) const
{
    const QByteArray lower = name.toLower();
    for (const auto &h : headers)
        if (h.first == lower)
            return true;
    return false;
}

FormItems HttpRequest::queryItems() const
{
    return parseForm(rawQuery);
}

QString HttpRequest::queryValue(const QString &name) const
{
    for (const auto &item : queryItems())
        if (item.first == name)
            return item.second;
    return {};
}

FormItems HttpRequest::parseForm(const QByteArray &encoded)
{
    FormItems items;
    for (QByteArray part : encoded.split('&')) {
        if (part.isEmpty())
            continue;
        part.replace('+', ' ');
        const int eq = part.indexOf('=');
        const QByteArray key = eq < 0 ? part : part.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
        items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                      QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return items;
}

// ---- HttpResponder -------------------------------------------------------------------------

bool HttpResponder::claim()
{
    if (m_answered) {
        qCWarning(lcSim) << "a request was answered twice; the second answer is ignored";
        return false;
    }
    m_answered = true;
    return true;
}

void HttpResponder::respond(int status, const QByteArray &body, const HttpHeaders &headers)
{
    if (claim())
        m_connection->respond(status, headers, body);
}

void HttpResponder::hang()
{
    if (claim())
        m_connection->hang();
}

void HttpResponder::drip(int status, const QByteArray &body, const HttpHeaders &headers,
                         int intervalMs, bool headersFirst)
{
    if (claim())
        m_connection->drip(status, headers, body, intervalMs, headersFirst);
}

HttpDeferred HttpResponder::defer()
{
    HttpDeferred d;
    if (claim()) {
        d.m_connection = m_connection;
        d.m_answered = std::make_shared<bool>(false);
    }
    return d;
}

void HttpDeferred::respond(int status, const QByteArray &body, const HttpHeaders &headers)
{
    if (!pending())
        return;
    *m_answered = true;
    static_cast<HttpConnection *>(m_connection.data())->respond(status, headers, body);
}

bool HttpDeferred::pending() const
{
    return m_connection && m_answered && !*m_answered;
}

void HttpResponder::closeWithoutAnswer()
{
    if (claim())
        m_connection->closeWithoutAnswer();
}

void HttpResponder::truncate(int status, const QByteArray &body, qint64 sendBytes,
                             const HttpHeaders &headers)
{
    if (claim())
        m_connection->truncate(status, headers, body, qBound<qint64>(0, sendBytes, body.size()));
}

void HttpResponder::stream(int status, const HttpHeaders &headers, qint64 contentLength,
                           std::function<QByteArray()> nextChunk)
{
    if (claim())
        m_connection->stream(status, headers, contentLength, std::move(nextChunk));
}

void HttpResponder::streamChunked(int status, const HttpHeaders &headers,
                                  std::function<QByteArray()> nextChunk, qint64 extensionBytes)
{
    if (claim())
        m_connection->streamChunked(status, headers, std::move(nextChunk), extensionBytes);
}

void HttpResponder::streamRaw(std::function<QByteArray()> next)
{
    if (claim())
        m_connection->streamRaw(std::move(next));
}

// ---- HttpServer ----------------------------------------------------------------------------

HttpServer::HttpServer(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    // Connections are children; make sure none calls back into a half-destroyed server.
    for (HttpConnection *c : std::as_const(m_connections))
        c->detach();
    m_connections.clear();
}

bool HttpServer::listen(quint16 port)
{
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        m_error = m_server->errorString();
        return false;
    }
    m_port = m_server->serverPort();
    m_error.clear();
    return true;
}

QUrl HttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

bool HttpServer::isListening() const
{
    return m_server->isListening();
}

void HttpServer::stopListening()
{
    m_server->close();
    closeAllConnections();
}

bool HttpServer::resumeListening()
{
    if (m_server->isListening())
        return true;
    if (m_port == 0)
        return listen(0);
    if (!m_server->listen(QHostAddress::LocalHost, m_port)) {
        m_error = m_server->errorString();
        qCWarning(lcSim) << "cannot listen again on port" << m_port << m_error;
        return false;
    }
    return true;
}

void HttpServer::closeAllConnections()
{
    const auto connections = m_connections;
    for (HttpConnection *c : connections)
        c->close();
}

void HttpServer::resetCounters()
{
    m_total = 0;
    m_maxActive = m_active;
    m_streamed = 0;
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection())
        m_connections.insert(new HttpConnection(this, socket));
}

void HttpServer::beginRequest()
{
    ++m_total;
    ++m_active;
    m_maxActive = qMax(m_maxActive, m_active);
    Q_EMIT activeRequestsChanged(m_active);
}

void HttpServer::endRequest()
{
    --m_active;
    Q_EMIT activeRequestsChanged(m_active);
}

QByteArray HttpServer::httpDate(qint64 secsSinceEpoch)
{
    // English names whatever the locale: the format is fixed by RFC 7231.
    const QDateTime t = QDateTime::fromSecsSinceEpoch(secsSinceEpoch, Qt::UTC);
    return QLocale::c().toString(t, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

} // namespace rw::sim
