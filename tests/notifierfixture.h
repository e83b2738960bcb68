#pragma once

// What the TelegramNotifier tests share: a manual clock, a simulated Bot API (TelegramSink) on
// loopback, a database in a scratch directory, and a notifier that can be "restarted" (a fresh
// Store and notifier on the same file). Mixed into each test class next to QObject; each test
// keeps its own incidents and assertions. Delivery timing is shortened (tests set m_timing
// themselves where timing is what they test).
#include "clock.h"
#include "engine/accountview.h"
#include "notify/notifier.h"
#include "store/store.h"
#include "telegramsink.h"

#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace rw::test {

class NotifierFixture
{
protected:
    static constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01T00:00:00Z

    // From a test's init(): a listening sink that accepts `token`, a configuration for `chat`.
    void setUpChannel(const QString &token, const QString &chat)
    {
        m_clock.setMs(kStartMs);
        m_dir = std::make_unique<QTemporaryDir>();
        m_sink = std::make_unique<sim::TelegramSink>(&m_clock);
        m_sink->setToken(token);
        QVERIFY(m_sink->listen());
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_cfg = TelegramConfig();
        m_cfg.url = m_sink->baseUrl();
        m_cfg.token = token;
        m_cfg.chat = chat;
        m_cfg.timeoutSecs = 1;
        m_timing = TelegramNotifier::Timing();
        m_timing.pacing = {20, 1000, 100, 400, 300, 600};
        m_timing.refreshSecs = 0;
    }

    // From cleanup(): the notifier first, the sink and the directory last.
    void tearDownChannel()
    {
        m_n.reset();
        m_store.reset();
        m_nam.reset();
        m_sink.reset();
        m_dir.reset();
    }

    // A fresh notifier and Store on the same database file: a restart.
    TelegramNotifier *start()
    {
        m_n.reset();
        m_store = std::make_unique<Store>();
        QString error;
        if (!m_store->open(m_dir->filePath(QStringLiteral("rigwatch.sqlite")), &error))
            qFatal("%s", qPrintable(error));
        m_n = std::make_unique<TelegramNotifier>(m_cfg, m_nam.get(), m_store.get(), &m_clock);
        m_n->setTiming(m_timing);
        return m_n.get();
    }

    bool waitIdle(int ms = 8000)
    {
        return QTest::qWaitFor([this] { return m_n->idle(); }, ms);
    }
    // The account "farm1/bitcoin" is shown as "farm1".
    bool deliver(const Incident &i, const QString &key = QStringLiteral("farm1/bitcoin"))
    {
        m_n->update(key, key.section(QLatin1Char('/'), 0, 0), i);
        return waitIdle();
    }
    static AccountView view(const Incident &i, const QString &key = QStringLiteral("farm1/bitcoin"))
    {
        AccountView v;
        v.key = key;
        v.displayName = key.section(QLatin1Char('/'), 0, 0);
        v.incident = i;
        return v;
    }
    QVector<sim::TelegramSink::Message> channel() const { return m_sink->messages(m_cfg.chat); }
    QVector<sim::TelegramSink::Message> channel(const QString &chat) const
    {
        return m_sink->messages(chat);
    }
    int live() const { return int(m_store->liveMessages().size()); }

    ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<sim::TelegramSink> m_sink;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<Store> m_store;
    std::unique_ptr<TelegramNotifier> m_n;
    TelegramConfig m_cfg;
    TelegramNotifier::Timing m_timing;
};

} // namespace rw::test
