// UpdateReader against the simulated Bot API: long polling, the offset stored before an update
// is carried out (so a restart never carries it out twice), no spinning on an API that answers
// at once, and a 409 reported once and retried.
#include "clock.h"
#include "notify/telegramclient.h"
#include "notify/updatereader.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace rw;
using rw::sim::TelegramSink;

namespace {
const QString kToken = QStringLiteral("4242:reader-token");
const QString kChat = QStringLiteral("-1001234567890");
} // namespace

class TestUpdateReader : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TelegramSink> m_sink;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TelegramClient> m_client;
    std::unique_ptr<UpdateReader> m_reader;
    QVector<QJsonObject> m_seen;

    void startReader(UpdateReader::Timing timing = {})
    {
        m_reader.reset();
        m_client.reset();
        m_store = std::make_unique<Store>();
        QString error;
        QVERIFY2(m_store->open(m_dir->filePath(QStringLiteral("rw.sqlite")), &error),
                 qPrintable(error));
        TelegramConfig cfg;
        cfg.url = m_sink->baseUrl();
        cfg.token = kToken;
        cfg.chat = kChat;
        cfg.timeoutSecs = 2;
        m_client = std::make_unique<TelegramClient>(cfg, m_nam.get());
        m_reader =
            std::make_unique<UpdateReader>(m_client.get(), m_store.get(), QStringLiteral("4242"));
        m_reader->setTiming(timing);
        connect(m_reader.get(), &UpdateReader::updateArrived, this,
                [this](const QJsonObject &u) { m_seen.append(u); });
        m_reader->start();
    }

    static QString textOf(const QJsonObject &u)
    {
        return u.value(QLatin1String("message")).toObject().value(QLatin1String("text")).toString();
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_sink = std::make_unique<TelegramSink>(&m_clock);
        m_sink->setToken(kToken);
        QVERIFY(m_sink->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_seen.clear();
    }
    void cleanup()
    {
        m_reader.reset();
        m_client.reset();
        m_store.reset();
        m_nam.reset();
        m_sink.reset();
        m_dir.reset();
    }

    void heldCallAnswersAsSoonAsACommandComes()
    {
        UpdateReader::Timing t;
        t.pollSecs = 20;
        startReader(t);
        QTRY_COMPARE(m_sink->server()->activeRequests(), 1); // held by the long poll
        QElapsedTimer took;
        took.start();
        m_sink->injectMessage(kChat, QStringLiteral("/status"), 111, QStringLiteral("ann"),
                              QStringLiteral("supergroup"));
        QTRY_COMPARE(m_seen.size(), 1);
        QVERIFY2(took.elapsed() < 1500, "the held call was not answered when the update came");
        QCOMPARE(textOf(m_seen.first()), QStringLiteral("/status"));
        // the offset is stored, and the next call confirms the update to Telegram
        const qint64 id = m_seen.first().value(QLatin1String("update_id")).toInteger();
        QCOMPARE(m_store->updateOffset(QStringLiteral("4242")), id + 1);
        QTRY_COMPARE(m_sink->lastOffset(), id + 1);
        QTRY_COMPARE(m_sink->pendingUpdates(), 0);
        // the HTTP deadline is above the long-poll timeout: a held call is no failure
        const auto calls = m_sink->calls();
        QCOMPARE(calls.last().params.value(QLatin1String("timeout")).toInt(), 20);
    }

    void restartNeverRepeatsACommand()
    {
        startReader();
        m_sink->injectMessage(kChat, QStringLiteral("/mute 2h"), 111, {}, QStringLiteral("group"));
        QTRY_COMPARE(m_seen.size(), 1);
        // Telegram (or something in between) hands every update out again, offset or not
        m_sink->injectFault(TelegramSink::Fault::UpdatesAgain);
        m_reader->stop();
        m_seen.clear();
        startReader(); // a restart: a new reader on the same database
        m_sink->injectMessage(kChat, QStringLiteral("/unmute"), 111, {}, QStringLiteral("group"));
        QTRY_COMPARE(m_seen.size(), 1);
        QCOMPARE(textOf(m_seen.first()), QStringLiteral("/unmute"));
        QTest::qWait(1500); // more calls, each answered with both updates again
        QCOMPARE(m_seen.size(), 1);
    }

    void offsetFromTheDatabaseIsSentAtStart()
    {
        {
            Store s;
            QString error;
            QVERIFY(s.open(m_dir->filePath(QStringLiteral("rw.sqlite")), &error));
            QVERIFY(s.saveUpdateOffset(QStringLiteral("4242"), 777));
            QVERIFY(s.saveUpdateOffset(QStringLiteral("9999"), 5)); // another bot's
        }
        startReader();
        QTRY_COMPARE(m_sink->lastOffset(), qint64(777)); // held by the long poll meanwhile
    }

    void anApiThatAnswersAtOnceIsCalledOnceASecond()
    {
        m_sink->injectFault(TelegramSink::Fault::UpdatesAtOnce);
        startReader();
        QTest::qWait(3200);
        const int calls = m_sink->callCount(QStringLiteral("getUpdates"));
        QVERIFY2(calls >= 2 && calls <= 4, qPrintable(QString::number(calls)));
        const auto log = m_sink->calls();
        for (int i = 1; i < log.size(); ++i)
            QVERIFY2(log[i].monotonicMs - log[i - 1].monotonicMs >= 950,
                     "two getUpdates calls less than a second apart");
    }

    void conflictIsReportedOnceAndRetried()
    {
        m_sink->injectFault(TelegramSink::Fault::Conflict);
        UpdateReader::Timing t;
        t.conflictRetryMs = 300;
        t.minGapMs = 50;
        startReader(t);
        QSignalSpy problem(m_reader.get(), &UpdateReader::problem);
        QSignalSpy recovered(m_reader.get(), &UpdateReader::recovered);
        QTRY_VERIFY(m_sink->callCount(QStringLiteral("getUpdates")) >= 4);
        QCOMPARE(problem.size(), 1);
        QVERIFY(problem.first().first().toString().contains(QStringLiteral("another program")));
        QVERIFY(m_reader->conflicted());
        // never faster than the retry interval
        const auto log = m_sink->calls();
        for (int i = 1; i < log.size(); ++i)
            QVERIFY(log[i].monotonicMs - log[i - 1].monotonicMs >= 280);
        m_sink->clearFaults();
        m_sink->injectMessage(kChat, QStringLiteral("/status"), 1, {}, QStringLiteral("group"));
        QTRY_COMPARE(m_seen.size(), 1);
        QCOMPARE(recovered.size(), 1);
        QVERIFY(!m_reader->conflicted());
    }

    void aFailingApiBacksOff()
    {
        m_sink->injectFault(TelegramSink::Fault::Http500);
        UpdateReader::Timing t;
        t.backoffStartMs = 200;
        t.backoffMaxMs = 800;
        t.minGapMs = 10;
        startReader(t);
        QSignalSpy problem(m_reader.get(), &UpdateReader::problem);
        QTest::qWait(2000);
        const int calls = m_sink->callCount(QStringLiteral("getUpdates"));
        // 200 + 400 + 800 + 800 ...: about five calls in two seconds, not hundreds
        QVERIFY2(calls >= 3 && calls <= 6, qPrintable(QString::number(calls)));
        QCOMPARE(problem.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestUpdateReader)
#include "tst_updatereader.moc"
