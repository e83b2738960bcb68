// Sites and groups (docs/configuration.md, "Groups, quiet hours and the digest"): the INI's
// [group.NAME] sections and the [telegram] quiet hours, time zone and digest time as rigwatchd
// reads them; which group a worker falls in; quiet-hour windows across midnight and across
// daylight-saving changes in the configured zone; when a day's digest is due.
#include "config/configfile.h"
#include "monitor/groupmatcher.h"
#include "notify/localschedule.h"

#include <QDateTime>
#include <QtTest>

using namespace rw;

namespace {
const QByteArray kBase = "[pool]\nuser = farm\nsecret = s3cret\n";

ConfigResult parse(const QByteArray &extra)
{
    return parseConfig(kBase + extra, QStringLiteral("rw.ini"), QProcessEnvironment());
}

qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toSecsSinceEpoch();
}
} // namespace

class TestGroups : public QObject
{
    Q_OBJECT
private slots:
    void readsTheIssuesExample()
    {
        const auto r = parse("[group.site-a]\nlabel = Site A\nworkers = rig-a*, a1-??\n"
                             "hosts = 203.0.113.*\nchat = -1001234567890\nmin_hashrate = 2P\n"
                             "[group.b]\nworkers = rig-b*\n"
                             "[telegram]\ntoken = 123:abc\nchat = @farm\n"
                             "quiet_hours = 23:00-07:00\ntimezone = Asia/Shanghai\n"
                             "digest = 08:00\n[alerts]\ncritical_offline = 25\n");
        QVERIFY2(r.config, qPrintable(r.error));
        QCOMPARE(r.warnings, QStringList());
        const DaemonConfig &c = *r.config;
        QCOMPARE(c.groups.size(), 2);
        QCOMPARE(c.groups[0].name, QStringLiteral("site-a"));
        QCOMPARE(c.groups[0].displayLabel(), QStringLiteral("Site A"));
        QCOMPARE(c.groups[0].workers,
                 QStringList({QStringLiteral("rig-a*"), QStringLiteral("a1-??")}));
        QCOMPARE(c.groups[0].hosts, QStringList{QStringLiteral("203.0.113.*")});
        QCOMPARE(c.groups[0].chat, QStringLiteral("-1001234567890"));
        QCOMPARE(c.groups[0].minHashRate, 2e15);
        QCOMPARE(c.groups[1].displayLabel(), QStringLiteral("b"));
        QVERIFY(c.groups[1].chat.isEmpty());
        QCOMPARE(c.telegram.quietFrom, 23 * 60);
        QCOMPARE(c.telegram.quietTo, 7 * 60);
        QCOMPARE(c.telegram.timeZone, QStringLiteral("Asia/Shanghai"));
        QCOMPARE(c.telegram.digestAt, 8 * 60);
        QCOMPARE(c.accounts[0].thresholds.criticalOfflinePercent, 25);
        const QString described = describeConfig(c);
        QVERIFY(described.contains(QStringLiteral("quiet_hours = 23:00-07:00")));
        QVERIFY(described.contains(QStringLiteral("[group.site-a]\nlabel = Site A\n")));
        QVERIFY(described.contains(QStringLiteral("critical_offline = 25")));
    }

    void defaultsAreOff()
    {
        const auto r = parse("");
        QVERIFY(r.config);
        QVERIFY(r.config->groups.isEmpty());
        QCOMPARE(r.config->telegram.quietFrom, -1);
        QCOMPARE(r.config->telegram.digestAt, -1);
        QCOMPARE(r.config->accounts[0].thresholds.criticalOfflinePercent, 20);
    }

    void refusesWhatCannotWork_data()
    {
        QTest::addColumn<QByteArray>("extra");
        QTest::addColumn<QString>("named");
        QTest::newRow("bad name") << QByteArray("[group.site a]\nworkers = a*\n")
                                  << QStringLiteral("[group.site a]");
        QTest::newRow("matches nothing")
            << QByteArray("[group.a]\nlabel = A\n") << QStringLiteral("needs workers or hosts");
        QTest::newRow("bad chat") << QByteArray("[group.a]\nworkers = a*\nchat = my chat\n")
                                  << QStringLiteral("[group.a] chat");
        QTest::newRow("bad floor") << QByteArray("[group.a]\nworkers = a*\nmin_hashrate = lots\n")
                                   << QStringLiteral("[group.a] min_hashrate");
        QTest::newRow("quiet syntax")
            << QByteArray("[telegram]\nquiet_hours = 23-7\n") << QStringLiteral("HH:MM-HH:MM");
        QTest::newRow("quiet empty window") << QByteArray("[telegram]\nquiet_hours = 07:00-07:00\n")
                                            << QStringLiteral("begins where it ends");
        QTest::newRow("zone") << QByteArray("[telegram]\ntimezone = Mars/Olympus\n")
                              << QStringLiteral("Mars/Olympus");
        QTest::newRow("digest") << QByteArray("[telegram]\ndigest = 8am\n")
                                << QStringLiteral("[telegram] digest");
        QTest::newRow("critical") << QByteArray("[alerts]\ncritical_offline = -5\n")
                                  << QStringLiteral("critical_offline");
    }
    void refusesWhatCannotWork()
    {
        QFETCH(QByteArray, extra);
        QFETCH(QString, named);
        const auto r = parse(extra);
        QVERIFY(!r.config);
        QVERIFY2(r.error.contains(named), qPrintable(r.error));
    }

    void warnsOfAGroupChatWithoutTelegram()
    {
        const auto r = parse("[group.a]\nworkers = a*\nchat = @site\n");
        QVERIFY(r.config);
        QCOMPARE(r.warnings.size(), 1);
        QVERIFY(r.warnings[0].contains(QStringLiteral("Telegram is off")));
    }

    void globs_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("star") << "rig-a*"
                              << "rig-a17" << true;
        QTest::newRow("star empty") << "rig-a*"
                                    << "rig-a" << true;
        QTest::newRow("prefix only") << "rig-a*"
                                     << "xrig-a1" << false;
        QTest::newRow("question") << "a1-??"
                                  << "a1-07" << true;
        QTest::newRow("question short") << "a1-??"
                                        << "a1-7" << false;
        QTest::newRow("case") << "RIG-*"
                              << "rig-1" << true;
        QTest::newRow("inner star") << "*-a-*"
                                    << "x-y-a-1" << true;
        QTest::newRow("backtrack") << "*ab*ab"
                                   << "aabxabab" << true;
        QTest::newRow("ip") << "203.0.113.*"
                            << "203.0.113.9" << true;
        QTest::newRow("ip other") << "203.0.113.*"
                                  << "203.0.114.9" << false;
        QTest::newRow("exact") << "rig-1"
                               << "rig-10" << false;
    }
    void globs()
    {
        QFETCH(QString, glob);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(globMatches(glob, text), matches);
    }

    void firstGroupInFileOrderWins()
    {
        const auto r = parse("[group.hall]\nhosts = 10.0.0.*\n[group.a]\nworkers = rig-a*\n");
        QVERIFY(r.config);
        GroupMatcher m(r.config->groups);
        QCOMPARE(m.groupOf(QStringLiteral("rig-a1"), QStringLiteral("10.0.0.5")), 0);
        QCOMPARE(m.groupOf(QStringLiteral("rig-a1"), QStringLiteral("10.9.0.5")), 1);
        QCOMPARE(m.groupOf(QStringLiteral("rig-b1"), QStringLiteral("10.9.0.5")), -1);
        QCOMPARE(m.groupOf(QStringLiteral("rig-b1"), QString()), -1);
        // the remembered answer follows a host that changed (a rig moved to the other site)
        QCOMPARE(m.groupOf(QStringLiteral("rig-b1"), QStringLiteral("10.0.0.7")), 0);
        QCOMPARE(m.labelOf(1), QStringLiteral("a"));
        QCOMPARE(m.labelOf(-1, QStringLiteral("Other")), QStringLiteral("Other"));
        QCOMPARE(m.indexOf(QStringLiteral("a")), 1);
    }

    void quietAcrossMidnight()
    {
        TelegramConfig t;
        t.quietFrom = 23 * 60;
        t.quietTo = 7 * 60;
        t.timeZone = QStringLiteral("Asia/Shanghai"); // UTC+8, no daylight saving
        const LocalSchedule s(t);
        QVERIFY(!s.isQuiet(utc("2026-03-01T14:59:00Z"))); // 22:59 local
        QVERIFY(s.isQuiet(utc("2026-03-01T15:00:00Z")));  // 23:00
        QVERIFY(s.isQuiet(utc("2026-03-01T18:00:00Z")));  // 02:00
        QVERIFY(s.isQuiet(utc("2026-03-01T22:59:59Z")));  // 06:59:59
        QVERIFY(!s.isQuiet(utc("2026-03-01T23:00:00Z"))); // 07:00
        QCOMPARE(s.quietEndsAfter(utc("2026-03-01T18:00:00Z")), utc("2026-03-01T23:00:00Z"));
        t.quietFrom = 12 * 60; // a window within a day
        t.quietTo = 13 * 60;
        const LocalSchedule noon(t);
        QVERIFY(noon.isQuiet(utc("2026-03-01T04:30:00Z")));
        QVERIFY(!noon.isQuiet(utc("2026-03-01T05:00:00Z")));
        QVERIFY(!LocalSchedule(TelegramConfig{}).isQuiet(utc("2026-03-01T18:00:00Z")));
    }

    void quietAcrossDaylightSaving()
    {
        TelegramConfig t;
        t.quietFrom = 1 * 60;
        t.quietTo = 3 * 60;
        t.timeZone = QStringLiteral("Europe/Berlin");
        const LocalSchedule s(t);
        // 2026-03-29: clocks go from 02:00 to 03:00 CET->CEST; the window is one hour long
        QVERIFY(s.isQuiet(utc("2026-03-29T00:30:00Z")));  // 01:30 CET
        QVERIFY(!s.isQuiet(utc("2026-03-29T01:00:00Z"))); // 03:00 CEST: over
        QCOMPARE(s.quietEndsAfter(utc("2026-03-29T00:30:00Z")), utc("2026-03-29T01:00:00Z"));
        // 2026-10-25: clocks go from 03:00 CEST back to 02:00 CET; the window is three hours
        QVERIFY(s.isQuiet(utc("2026-10-24T23:30:00Z")));  // 01:30 CEST
        QVERIFY(s.isQuiet(utc("2026-10-25T00:30:00Z")));  // 02:30 CEST
        QVERIFY(s.isQuiet(utc("2026-10-25T01:30:00Z")));  // 02:30 CET, the second time
        QVERIFY(!s.isQuiet(utc("2026-10-25T02:00:00Z"))); // 03:00 CET
        // the same wall window in summer is two hours of UTC one hour earlier than in winter
        QVERIFY(s.isQuiet(utc("2026-07-01T00:30:00Z")));  // 02:30 CEST
        QVERIFY(!s.isQuiet(utc("2026-07-01T01:30:00Z"))); // 03:30 CEST
        QVERIFY(s.isQuiet(utc("2026-12-01T01:30:00Z")));  // 02:30 CET
    }

    void digestDue()
    {
        TelegramConfig t;
        t.digestAt = 8 * 60;
        t.timeZone = QStringLiteral("Asia/Shanghai");
        const LocalSchedule s(t);
        QCOMPARE(s.digestDueAt(QDate(2026, 3, 2)), utc("2026-03-02T00:00:00Z"));
        QCOMPARE(s.lastDigestDay(utc("2026-03-01T23:59:59Z")), QDate(2026, 3, 1));
        QCOMPARE(s.lastDigestDay(utc("2026-03-02T00:00:00Z")), QDate(2026, 3, 2));
        // a digest time the spring change skips happens at the first minute after the gap
        t.digestAt = 2 * 60 + 30;
        t.timeZone = QStringLiteral("Europe/Berlin");
        const LocalSchedule berlin(t);
        QCOMPARE(berlin.digestDueAt(QDate(2026, 3, 29)), utc("2026-03-29T01:00:00Z"));
        QCOMPARE(berlin.digestDueAt(QDate(2026, 3, 30)), utc("2026-03-30T00:30:00Z"));
        QVERIFY(
            !LocalSchedule(TelegramConfig{}).lastDigestDay(utc("2026-03-02T00:00:00Z")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestGroups)
#include "tst_groups.moc"
