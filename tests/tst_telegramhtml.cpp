// Telegram's HTML parse mode and text limits as the sink applies them: escaped markup is
// fine, raw or unbalanced markup is "can't parse entities", offsets are UTF-16, and the 4096
// limit counts characters after entity parsing.
#include "clock.h"
#include "simhttp.h"
#include "telegramhtml.h"
#include "telegramsink.h"

#include <QtTest>

using namespace rw;
using rw::sim::TelegramSink;
using simtest::BotClient;
using simtest::HttpResult;

namespace {
const QString kToken = QStringLiteral("123456:AAE-secret-token");
const QString kChat = QStringLiteral("-1001234567890");
} // namespace

class TestTelegramHtml : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<TelegramSink> m_sink;
    std::unique_ptr<BotClient> m_client;

private slots:
    void init()
    {
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        QVERIFY(m_sink->listen());
        m_client = std::make_unique<BotClient>(m_sink->baseUrl(), kToken, kChat);
    }

    void cleanup()
    {
        m_client.reset();
        m_sink.reset();
    }

    void html_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("plain");   // expected text, empty = rejected
        QTest::addColumn<QString>("problem"); // substring of the error
        QTest::newRow("escaped tag") << "&lt;b&gt; is escaped"
                                     << "<b> is escaped"
                                     << "";
        QTest::newRow("escaped amp") << "Tom &amp; Jerry &quot;ok&quot;"
                                     << "Tom & Jerry \"ok\""
                                     << "";
        QTest::newRow("numeric") << "&#9888; &#x26A0;"
                                 << "⚠ ⚠"
                                 << "";
        QTest::newRow("bare gt") << "a > b"
                                 << "a > b"
                                 << "";
        QTest::newRow("all tags") << "<b>b</b><i>i</i><u>u</u><s>s</s><code>c</code>"
                                     "<pre>p</pre><a href=\"https://x.io/?a=1&amp;b=2\">a</a>"
                                     "<blockquote>q</blockquote><tg-spoiler>t</tg-spoiler>"
                                  << "biuscpaqt"
                                  << "";
        QTest::newRow("raw tag") << "<x>rig</x>"
                                 << ""
                                 << "Unsupported start tag \"x\"";
        QTest::newRow("br") << "line<br>next"
                            << ""
                            << "Unsupported start tag \"br\"";
        QTest::newRow("span") << "<span>x</span>"
                              << ""
                              << "Unsupported start tag \"span\"";
        QTest::newRow("bare lt") << "hashrate < 100 TH/s"
                                 << ""
                                 << "Unsupported start tag";
        QTest::newRow("bare amp") << "Tom & Jerry"
                                  << ""
                                  << "byte offset 4";
        QTest::newRow("unknown entity") << "&nbsp;"
                                        << ""
                                        << "&";
        QTest::newRow("unclosed") << "<b>down"
                                  << ""
                                  << "Can't find end tag corresponding to start tag \"b\"";
        QTest::newRow("crossed") << "<b><i>x</b></i>"
                                 << ""
                                 << "Unmatched end tag";
        QTest::newRow("stray end") << "x</b>"
                                   << ""
                                   << "Unexpected end tag";
        QTest::newRow("open bracket at end") << "x <"
                                             << ""
                                             << "Unclosed start tag";
    }

    void html()
    {
        QFETCH(QString, text);
        QFETCH(QString, plain);
        QFETCH(QString, problem);
        const HttpResult r = m_client->send(text, QStringLiteral("HTML"));
        if (plain.isEmpty()) {
            QCOMPARE(r.status, 400);
            QVERIFY2(
                r.description().startsWith(QLatin1String("Bad Request: can't parse entities: ")),
                qPrintable(r.description()));
            QVERIFY2(r.description().contains(problem), qPrintable(r.description()));
            QVERIFY(m_sink->messages(kChat).isEmpty());
        } else {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.result().value(QLatin1String("text")).toString(), plain);
        }
    }

    void htmlEntitiesUseUtf16Offsets()
    {
        const HttpResult r = m_client->send(
            QStringLiteral("😀 <b>rig-07</b> <a href=\"https://f2pool.com\">pool</a>"),
            QStringLiteral("HTML"));
        QCOMPARE(r.status, 200);
        const QJsonArray e = r.result().value(QLatin1String("entities")).toArray();
        QCOMPARE(e.size(), 2);
        QCOMPARE(e[0][QLatin1String("type")].toString(), QStringLiteral("bold"));
        QCOMPARE(e[0][QLatin1String("offset")].toInt(), 3); // the emoji is two UTF-16 units
        QCOMPARE(e[0][QLatin1String("length")].toInt(), 6);
        QCOMPARE(e[1][QLatin1String("type")].toString(), QStringLiteral("text_link"));
        QCOMPARE(e[1][QLatin1String("url")].toString(), QStringLiteral("https://f2pool.com"));
    }

    void textLength_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parseMode");
        QTest::addColumn<QString>("error"); // empty = accepted
        const QString tooLong = QStringLiteral("Bad Request: message is too long");
        const QString a4096(4096, QLatin1Char('a'));
        QTest::newRow("4096 plain") << a4096 << ""
                                    << "";
        QTest::newRow("4097 plain") << a4096 + QLatin1Char('a') << "" << tooLong;
        QTest::newRow("4096 inside tags")
            << QStringLiteral("<b>") + a4096 + QStringLiteral("</b>") << "HTML"
            << "";
        QTest::newRow("4096 entities") << QStringLiteral("&lt;").repeated(4096) << "HTML"
                                       << "";
        QTest::newRow("4097 entities")
            << QStringLiteral("&lt;").repeated(4097) << "HTML" << tooLong;
        QTest::newRow("2048 emoji") << QStringLiteral("😀").repeated(2048) << ""
                                    << "";
        QTest::newRow("2049 emoji") << QStringLiteral("😀").repeated(2049) << "" << tooLong;
        QTest::newRow("empty") << ""
                               << ""
                               << "Bad Request: message text is empty";
        QTest::newRow("empty after parsing") << "<b></b>"
                                             << "HTML"
                                             << "Bad Request: message text is empty";
    }

    void textLength()
    {
        QFETCH(QString, text);
        QFETCH(QString, parseMode);
        QFETCH(QString, error);
        const HttpResult r = m_client->send(text, parseMode);
        if (error.isEmpty()) {
            QCOMPARE(r.status, 200);
        } else {
            QCOMPARE(r.status, 400);
            QCOMPARE(r.description(), error);
        }
    }

    void lenientAmpersandLikeTdlib()
    {
        // tdlib keeps a lone '&'; the documented rule (and the sink's default) rejects it.
        QVERIFY(!sim::parseTelegramHtml(QStringLiteral("a & b")).ok());
        const sim::TelegramText t = sim::parseTelegramHtml(QStringLiteral("a & b"), false);
        QVERIFY(t.ok());
        QCOMPARE(t.text, QStringLiteral("a & b"));
        m_sink->setStrictAmpersand(false);
        QCOMPARE(m_client->send(QStringLiteral("a & b"), QStringLiteral("HTML")).status, 200);
    }

    void preWithLanguage()
    {
        const sim::TelegramText t = sim::parseTelegramHtml(
            QStringLiteral("<pre><code class=\"language-ini\">[pool]</code></pre>"));
        QVERIFY(t.ok());
        QCOMPARE(t.text, QStringLiteral("[pool]"));
        QCOMPARE(t.entities.size(), 1);
        QCOMPARE(t.entities[0][QLatin1String("type")].toString(), QStringLiteral("pre"));
        QCOMPARE(t.entities[0][QLatin1String("language")].toString(), QStringLiteral("ini"));
    }
};

QTEST_GUILESS_MAIN(TestTelegramHtml)
#include "tst_telegramhtml.moc"
