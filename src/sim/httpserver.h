#pragma once

#include <QByteArray>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

class QTcpServer;

namespace rw::sim {

Q_DECLARE_LOGGING_CATEGORY(lcSim)

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;
using FormItems = QList<QPair<QString, QString>>;

// One parsed HTTP/1.x request. Header names are lower-cased so lookups are case-insensitive.
struct HttpRequest
{
    QByteArray method;   // "GET", "POST", ...
    QByteArray target;   // raw request target, e.g. "/v2/hash_rate/info?x=1"
    QString path;        // percent-decoded path without the query
    QByteArray rawQuery; // still encoded, without '?'
    QByteArray version;  // "HTTP/1.1"
    HttpHeaders headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const; // first match, case-insensitive
    bool hasHeader(const QByteArray &name) const;
    FormItems queryItems() const;
    QString queryValue(const QString &name) const;

    // application/x-www-form-urlencoded (also query strings): '+' is a space, %XX is UTF-8.
    static FormItems parseForm(const QByteArray &encoded);
};

class HttpConnection;

// An answer given later (a long poll): what HttpResponder::defer() returns. Copyable; answering
// a request whose client has gone away does nothing.
class HttpDeferred
{
public:
    HttpDeferred() = default;
    void respond(int status, const QByteArray &body, const HttpHeaders &headers = {});
    bool pending() const; // not answered yet, and the client still connected

private:
    friend class HttpResponder;
    QPointer<QObject> m_connection;
    std::shared_ptr<bool> m_answered;
};

// How a handler answers. Exactly one answering call per request; whatever the handler does
// not answer gets a 500 so a forgotten branch is visible instead of looking like a hang.
class HttpResponder
{
public:
    // A complete reply with Content-Length. Date is added when the server has a date source.
    void respond(int status, const QByteArray &body, const HttpHeaders &headers = {});
    // Accept the request and never answer; the socket stays open until the client gives up.
    void hang();
    // Send the reply one byte every intervalMs. headersFirst: the status line and headers go
    // out at once and only the body drips (the case that defeats an inactivity timeout).
    void drip(int status, const QByteArray &body, const HttpHeaders &headers = {},
              int intervalMs = 1000, bool headersFirst = true);
    // Answer later, through the returned handle (the request counts as answered here).
    HttpDeferred defer();
    // Close the connection without a byte of answer.
    void closeWithoutAnswer();
    // Announce Content-Length = body.size(), send only sendBytes of it, then close.
    void truncate(int status, const QByteArray &body, qint64 sendBytes,
                  const HttpHeaders &headers = {});
    // Stream a big body without holding it in memory. nextChunk() returns an empty array at
    // the end. contentLength < 0: no Content-Length, the end is marked by closing.
    void stream(int status, const HttpHeaders &headers, qint64 contentLength,
                std::function<QByteArray()> nextChunk);
    // The same with Transfer-Encoding: chunked, one chunk per piece of nextChunk(), as fast as
    // the socket takes it. extensionBytes > 0: every chunk-size line also carries an extension
    // (";x=aaa...") that long, streamed in pieces too (absurd framing, for the client's limits).
    void streamChunked(int status, const HttpHeaders &headers,
                       std::function<QByteArray()> nextChunk, qint64 extensionBytes = 0);
    // Bytes exactly as next() returns them, status line and headers included, for replies that
    // are broken below HTTP (a header that never ends). The connection closes when next()
    // returns an empty array.
    void streamRaw(std::function<QByteArray()> next);

    bool answered() const { return m_answered; }

private:
    friend class HttpConnection;
    explicit HttpResponder(HttpConnection *connection) : m_connection(connection) {}
    bool claim();

    HttpConnection *m_connection;
    bool m_answered = false;
};

// A tiny HTTP/1.1 server on 127.0.0.1 built on QTcpServer, because the fakes must misbehave
// on purpose (hang, drip, truncate, refuse) in ways a real HTTP server library will not.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder &)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    // Seconds since epoch for the Date header of every reply; unset = no Date header.
    void setDateSource(std::function<qint64()> source) { m_dateSource = std::move(source); }

    bool listen(quint16 port = 0); // 0 = any free port
    quint16 port() const { return m_port; }
    QUrl baseUrl() const; // http://127.0.0.1:PORT
    bool isListening() const;
    QString errorString() const { return m_error; }

    // New connections get "connection refused"; open ones are dropped too, otherwise a
    // client's keep-alive connection would still be answered.
    void stopListening();
    bool resumeListening(); // on the same port
    void closeAllConnections();

    int requestCount() const { return m_total; }    // complete requests received
    int activeRequests() const { return m_active; } // received and not yet answered
    int maxConcurrentRequests() const { return m_maxActive; }
    int openConnections() const { return int(m_connections.size()); }
    // Body bytes handed to the socket by stream(), streamChunked() and streamRaw(); also read
    // from other threads (a test may run the server in one of its own).
    qint64 streamedBytes() const { return m_streamed.load(); }
    void resetCounters();

    static QByteArray httpDate(qint64 secsSinceEpoch); // RFC 7231 IMF-fixdate
    static QByteArray reasonPhrase(int status);

Q_SIGNALS:
    void requestReceived(); // after the handler ran
    void activeRequestsChanged(int active);

private:
    friend class HttpConnection;
    void onNewConnection();
    void beginRequest();
    void endRequest();

    QTcpServer *m_server;
    Handler m_handler;
    std::function<qint64()> m_dateSource;
    QSet<HttpConnection *> m_connections;
    quint16 m_port = 0;
    QString m_error;
    int m_total = 0;
    int m_active = 0;
    int m_maxActive = 0;
    std::atomic<qint64> m_streamed{0};
};

} // namespace rw::sim
