// MuteState with a manual clock: one mute per scope, persisted, ended on time.
#include "clock.h"
#include "notify/mutestate.h"
#include "store/store.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rw;

class TestMuteState : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    QTemporaryDir m_dir;

    std::unique_ptr<Store> open()
    {
        auto s = std::make_unique<Store>();
        QString error;
        if (!s->open(m_dir.filePath(QStringLiteral("rw.sqlite")), &error))
            qFatal("%s", qPrintable(error));
        return s;
    }

private slots:
    void endsOnTimeAndSaysWho()
    {
        auto store = open();
        MuteState mutes(store.get(), &m_clock);
        QSignalSpy changed(&mutes, &MuteState::changed);
        QSignalSpy expired(&mutes, &MuteState::expired);
        QVERIFY(!mutes.isMuted());
        mutes.mute({QString(), m_clock.nowMs() + 3600'000, QStringLiteral("@bob"),
                    QStringLiteral("-100123")});
        QVERIFY(mutes.isMuted());
        QCOMPARE(mutes.active()->by, QStringLiteral("@bob"));
        QCOMPARE(changed.size(), 1);
        m_clock.advanceSecs(3599);
        mutes.check();
        QVERIFY(mutes.isMuted());
        QCOMPARE(expired.size(), 0);
        m_clock.advanceSecs(1);
        QVERIFY(!mutes.isMuted()); // over the moment it ends, before anyone checks
        mutes.check();
        QCOMPARE(expired.size(), 1);
        QCOMPARE(expired.first().first().value<MuteRecord>().replyChat, QStringLiteral("-100123"));
        QCOMPARE(changed.size(), 2);
        QVERIFY(store->mutes().isEmpty());
    }

    void endsByItselfWithoutBeingAsked()
    {
        MuteState mutes(nullptr, &m_clock);
        QSignalSpy expired(&mutes, &MuteState::expired);
        mutes.mute({QString(), m_clock.nowMs() + 60'000, QStringLiteral("@bob"), QString()});
        m_clock.advanceSecs(61);
        QTRY_COMPARE_WITH_TIMEOUT(expired.size(), 1, 3000); // the one-second check
    }

    void survivesARestart()
    {
        {
            auto store = open();
            MuteState mutes(store.get(), &m_clock);
            mutes.mute({QString(), m_clock.nowMs() + 7200'000, QStringLiteral("@ann"),
                        QStringLiteral("111")});
        }
        auto store = open();
        MuteState again(store.get(), &m_clock);
        QVERIFY(again.isMuted());
        QCOMPARE(again.active()->by, QStringLiteral("@ann"));
        QCOMPARE(again.active()->untilMs, m_clock.nowMs() + 7200'000);
        QVERIFY(again.unmute(QString()));
        QVERIFY(!again.unmute(QString())); // nothing left to end
        MuteState third(store.get(), &m_clock);
        QVERIFY(!third.isMuted());
    }

    void onePerScopeAndAPauseLastsUntilEnded()
    {
        MuteState mutes(nullptr, &m_clock);
        mutes.mute({QString(), m_clock.nowMs() + 60'000, QStringLiteral("@bob"), QString()});
        mutes.mute({QString(), 0, QStringLiteral("tray"), QString()}); // replaces it
        QCOMPARE(mutes.all().size(), 1);
        m_clock.advanceSecs(30 * 86400);
        mutes.check();
        QVERIFY(mutes.isMuted());
        QCOMPARE(mutes.active()->by, QStringLiteral("tray"));
        mutes.mute(
            {QStringLiteral("site-a"), m_clock.nowMs() + 1000, QStringLiteral("@bob"), QString()});
        QCOMPARE(mutes.all().size(), 2);
        QVERIFY(mutes.isMuted(QStringLiteral("site-a")));
        QVERIFY(mutes.unmute(QString()));
        QVERIFY(!mutes.isMuted());
        QVERIFY(mutes.isMuted(QStringLiteral("site-a")));
    }
};

QTEST_GUILESS_MAIN(TestMuteState)
#include "tst_mutestate.moc"
