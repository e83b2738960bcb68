#pragma once

#include "httpserver.h"

#include <QObject>

class QTcpSocket;

namespace rw::sim {

// One accepted socket of HttpServer: reads requests one after another (keep-alive), hands
// each to the server's handler and carries out whatever the responder asked for — including
// the deliberate misbehaviour (hang, drip, truncate, close). Internal to HttpServer.
class HttpConnection : public QObject
{
public:
    HttpConnection(HttpServer *server, QTcpSocket *socket);

    void close();  // close now; bytes already queued still go out
    void detach(); // the server is being destroyed: stop calling back into it

    void respond(int status, const HttpHeaders &headers, const QByteArray &body);
    void drip(int status, const HttpHeaders &headers, const QByteArray &body, int intervalMs,
              bool headersFirst);
    void truncate(int status, const HttpHeaders &headers, const QByteArray &body, qint64 sendBytes);
    void stream(int status, const HttpHeaders &headers, qint64 contentLength,
                std::function<QByteArray()> next);
    void streamChunked(int status, HttpHeaders headers, std::function<QByteArray()> next,
                       qint64 extensionBytes);
    void streamRaw(std::function<QByteArray()> next);
    void closeWithoutAnswer();
    void hang() {} // the request stays counted as active and the socket stays open

private:
    void onReadyRead();
    void processBuffer();
    bool parseHead(const QByteArray &head);
    QByteArray buildHead(int status, HttpHeaders headers, qint64 contentLength, bool close);
    void dispatch();
    void finishResponse();
    void pumpStream();
    void keepSendQueueShort();
    void rejectAndClose(int status);
    void endRequestOnce();
    void onDisconnected();

    HttpServer *m_server;
    QTcpSocket *m_socket;
    QByteArray m_buffer;
    HttpRequest m_request;
    qint64 m_bodyLength = 0;
    bool m_haveHead = false;
    bool m_busy = false;       // a response (maybe a slow one) is in progress
    bool m_inRequest = false;  // counted in the server's active requests
    bool m_closeAfter = false; // close once the current response is out
    bool m_closing = false;    // closing: read nothing more
    bool m_gone = false;
    QByteArray m_drip;
    qsizetype m_dripPos = 0;
    std::function<QByteArray()> m_stream;
};

} // namespace rw::sim
