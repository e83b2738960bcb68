#include "httpconnection.h"

#include <QTcpSocket>
#include <QTimer>

#include <memory>
#include <utility>

namespace rw::sim {

namespace {
constexpr int kMaxHeadBytes = 64 * 1024;
constexpr qint64 kMaxBodyBytes = 32LL * 1024 * 1024;
constexpr qint64 kStreamHighWater = 1024 * 1024; // refill the socket below this
constexpr qint64 kExtensionPiece = 64 * 1024;    // a chunk extension goes out this much at a time
} // namespace

HttpConnection::HttpConnection(HttpServer *server, QTcpSocket *socket)
    : QObject(server), m_server(server), m_socket(socket)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::pumpStream);
}

void HttpConnection::close()
{
    if (m_gone)
        return;
    m_closing = true;
    // The rest of a stream is not worth sending: a client that reads it slowly would keep the
    // connection (and the fault) alive after the server meant to end it.
    const bool streaming = bool(m_stream);
    m_stream = nullptr;
    if (streaming)
        m_socket->abort();
    else
        m_socket->disconnectFromHost(); // what is already queued still goes out
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

void HttpConnection::detach()
{
    m_socket->disconnect(this);
    m_gone = true;
    m_stream = nullptr;
}

void HttpConnection::respond(int status, const HttpHeaders &headers, const QByteArray &body)
{
    if (m_gone)
        return;
    // Apart: the socket keeps a shared reference to the body instead of a copy of head and
    // body joined (a 100,000-worker reply is tens of megabytes).
    m_socket->write(buildHead(status, headers, body.size(), false));
    m_socket->write(body);
    finishResponse();
}

void HttpConnection::drip(int status, const HttpHeaders &headers, const QByteArray &body,
                          int intervalMs, bool headersFirst)
{
    if (m_gone)
        return;
    const QByteArray head = buildHead(status, headers, body.size(), false);
    if (headersFirst)
        m_socket->write(head);
    m_drip = headersFirst ? body : head + body;
    m_dripPos = 0;
    auto *timer = new QTimer(this);
    timer->setInterval(intervalMs);
    connect(timer, &QTimer::timeout, this, [this, timer] {
        if (m_gone || m_closing) {
            timer->stop();
            return;
        }
        if (m_dripPos >= m_drip.size()) {
            timer->deleteLater();
            m_drip.clear();
            finishResponse();
            return;
        }
        m_socket->write(m_drip.constData() + m_dripPos, 1);
        ++m_dripPos;
    });
    timer->start();
}

void HttpConnection::truncate(int status, const HttpHeaders &headers, const QByteArray &body,
                              qint64 sendBytes)
{
    if (m_gone)
        return;
    m_socket->write(buildHead(status, headers, body.size(), true) + body.left(sendBytes));
    finishResponse(); // closes once the queued bytes are flushed
}

void HttpConnection::stream(int status, const HttpHeaders &headers, qint64 contentLength,
                            std::function<QByteArray()> next)
{
    if (m_gone)
        return;
    m_socket->write(buildHead(status, headers, contentLength, contentLength < 0));
    m_stream = std::move(next);
    pumpStream();
}

void HttpConnection::streamChunked(int status, HttpHeaders headers,
                                   std::function<QByteArray()> next, qint64 extensionBytes)
{
    if (m_gone)
        return;
    headers.append({QByteArray("Transfer-Encoding"), QByteArray("chunked")});
    m_socket->write(buildHead(status, headers, -1, true));
    if (extensionBytes > 0)
        keepSendQueueShort();
    struct Framing
    {
        std::function<QByteArray()> next;
        QByteArray data; // the chunk whose size line is still going out
        qint64 extensionLeft = 0;
        bool ended = false;
    };
    auto f = std::make_shared<Framing>();
    f->next = std::move(next);
    m_stream = [f, extensionBytes]() -> QByteArray {
        if (f->ended)
            return {};
        if (f->extensionLeft > 0) {
            const qint64 n = qMin(f->extensionLeft, kExtensionPiece);
            f->extensionLeft -= n;
            QByteArray out(n, 'a');
            if (f->extensionLeft == 0)
                out += "\r\n" + std::exchange(f->data, QByteArray()) + "\r\n";
            return out;
        }
        QByteArray piece = f->next();
        if (piece.isEmpty()) {
            f->ended = true;
            return "0\r\n\r\n";
        }
        const QByteArray size = QByteArray::number(piece.size(), 16);
        if (extensionBytes <= 0)
            return size + "\r\n" + piece + "\r\n";
        f->data = std::move(piece);
        f->extensionLeft = extensionBytes;
        return size + ";x=";
    };
    pumpStream();
}

void HttpConnection::streamRaw(std::function<QByteArray()> next)
{
    if (m_gone)
        return;
    m_closeAfter = true;
    keepSendQueueShort();
    m_stream = std::move(next);
    pumpStream();
}

// Qt reads a header or chunk-size line a byte per system call, so what the kernel still queues
// for such a client when this side stops takes it long to read; a small send buffer keeps
// that short, so a test can end the fault and go on.
void HttpConnection::keepSendQueueShort()
{
    m_socket->setSocketOption(QAbstractSocket::SendBufferSizeSocketOption, 64 * 1024);
}

void HttpConnection::closeWithoutAnswer()
{
    if (m_gone)
        return;
    m_closeAfter = true;
    finishResponse();
}

void HttpConnection::onReadyRead()
{
    m_buffer += m_socket->readAll();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    if (m_busy || m_closing || m_gone)
        return;
    if (!m_haveHead) {
        const int end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > kMaxHeadBytes)
                rejectAndClose(431);
            return;
        }
        if (!parseHead(m_buffer.left(end)))
            return;
        m_buffer.remove(0, end + 4);
        m_haveHead = true;
    }
    if (m_buffer.size() < m_bodyLength)
        return;
    m_request.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_haveHead = false;
    dispatch();
}

bool HttpConnection::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        rejectAndClose(400);
        return false;
    }
    m_request = HttpRequest();
    m_request.method = requestLine[0];
    m_request.target = requestLine[1];
    m_request.version = requestLine[2];
    const int q = m_request.target.indexOf('?');
    const QByteArray rawPath = q < 0 ? m_request.target : m_request.target.left(q);
    m_request.rawQuery = q < 0 ? QByteArray() : m_request.target.mid(q + 1);
    m_request.path = QString::fromUtf8(QByteArray::fromPercentEncoding(rawPath));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const int colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        m_request.headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    if (!m_request.header("transfer-encoding").isEmpty()) {
        rejectAndClose(411); // the fakes only take Content-Length bodies
        return false;
    }
    bool ok = true;
    const QByteArray length = m_request.header("content-length");
    m_bodyLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_bodyLength < 0 || m_bodyLength > kMaxBodyBytes) {
        rejectAndClose(413);
        return false;
    }
    const QByteArray connection = m_request.header("connection").toLower();
    m_closeAfter = connection.contains("close") ||
                   (m_request.version == "HTTP/1.0" && !connection.contains("keep-alive"));
    return true;
}

QByteArray HttpConnection::buildHead(int status, HttpHeaders headers, qint64 contentLength,
                                     bool close)
{
    auto has = [&headers](const QByteArray &name) {
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    if (!has("date") && m_server->m_dateSource)
        headers.append({"Date", HttpServer::httpDate(m_server->m_dateSource())});
    if (contentLength >= 0 && !has("content-length"))
        headers.append({"Content-Length", QByteArray::number(contentLength)});
    // Without a length the end of the body is the end of the connection.
    m_closeAfter = m_closeAfter || close || contentLength < 0;
    headers.append(
        {QByteArray("Connection"), m_closeAfter ? QByteArray("close") : QByteArray("keep-alive")});

    QByteArray head =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + HttpServer::reasonPhrase(status) + "\r\n";
    for (const auto &h : headers)
        head += h.first + ": " + h.second + "\r\n";
    return head + "\r\n";
}

void HttpConnection::dispatch()
{
    m_busy = true;
    m_inRequest = true;
    m_server->beginRequest();
    HttpResponder responder(this);
    if (m_server->m_handler)
        m_server->m_handler(m_request, responder);
    if (!responder.answered()) {
        qCWarning(lcSim) << "handler did not answer a" << m_request.method << "request";
        responder.respond(500, "handler did not answer\n");
    }
    if (!m_gone)
        Q_EMIT m_server->requestReceived();
}

void HttpConnection::finishResponse()
{
    endRequestOnce();
    m_busy = false;
    if (m_closeAfter) {
        m_closing = true;
        m_socket->disconnectFromHost(); // flushes what is queued first
        return;
    }
    if (!m_buffer.isEmpty()) // a pipelined request waits in the buffer
        QTimer::singleShot(0, this, &HttpConnection::processBuffer);
}

void HttpConnection::pumpStream()
{
    while (m_stream && m_socket->bytesToWrite() < kStreamHighWater) {
        const QByteArray chunk = m_stream();
        if (chunk.isEmpty()) {
            m_stream = nullptr;
            finishResponse();
            return;
        }
        m_socket->write(chunk);
        m_server->m_streamed += chunk.size();
    }
}

void HttpConnection::rejectAndClose(int status)
{
    m_closing = true;
    const QByteArray reason = HttpServer::reasonPhrase(status);
    const QByteArray body = reason + '\n';
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                    "\r\nContent-Type: text/plain\r\nConnection: close\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
    m_socket->disconnectFromHost();
}

void HttpConnection::endRequestOnce()
{
    if (m_inRequest) {
        m_inRequest = false;
        if (!m_gone)
            m_server->endRequest();
    }
}

void HttpConnection::onDisconnected()
{
    if (m_gone)
        return;
    m_stream = nullptr;
    endRequestOnce();
    m_gone = true;
    m_server->m_connections.remove(this);
    deleteLater();
}

} // namespace rw::sim
