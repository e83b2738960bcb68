// Reading commands from Telegram text, durations, and who may run what (pure functions).
#include "notify/commandaccess.h"
#include "notify/commandparser.h"

#include <QJsonDocument>
#include <QtTest>

using namespace rw;

class TestCommandParser : public QObject
{
    Q_OBJECT

    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("args");
        const QString bot = QStringLiteral("RigWatchBot");
        Q_UNUSED(bot)
        QTest::newRow("plain") << "/status" << int(ParsedCommand::Known) << "status"
                               << QStringList();
        QTest::newRow("bot suffix")
            << "/status@RigWatchBot" << int(ParsedCommand::Known) << "status" << QStringList();
        QTest::newRow("bot suffix, other case")
            << "/Mute@rigwatchbot 2h" << int(ParsedCommand::Known) << "mute"
            << QStringList{QStringLiteral("2h")};
        QTest::newRow("another bot")
            << "/status@OtherBot" << int(ParsedCommand::OtherBot) << "" << QStringList();
        QTest::newRow("arguments") << "/mute   30m   site-a" << int(ParsedCommand::Known) << "mute"
                                   << QStringList{QStringLiteral("30m"), QStringLiteral("site-a")};
        QTest::newRow("unknown") << "/frobnicate" << int(ParsedCommand::Unknown) << "frobnicate"
                                 << QStringList();
        QTest::newRow("not a command")
            << "status please" << int(ParsedCommand::NotACommand) << "" << QStringList();
        QTest::newRow("slash alone")
            << "/" << int(ParsedCommand::NotACommand) << "" << QStringList();
        QTest::newRow("url") << "/usr/bin" << int(ParsedCommand::NotACommand) << ""
                             << QStringList();
        QTest::newRow("digest is known")
            << "/digest" << int(ParsedCommand::Known) << "digest" << QStringList();
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, name);
        QFETCH(QStringList, args);
        const ParsedCommand c = parseCommand(text, QStringLiteral("RigWatchBot"));
        QCOMPARE(int(c.kind), kind);
        QCOMPARE(c.name, name);
        QCOMPARE(c.args, args);
    }

    void suffixAcceptedBeforeTheBotNameIsKnown()
    {
        QCOMPARE(int(parseCommand(QStringLiteral("/status@AnyBot"), QString()).kind),
                 int(ParsedCommand::Known));
    }

    void durations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("secs"); // -1: refused
        QTest::newRow("30m") << "30m" << qint64(1800);
        QTest::newRow("2h") << "2h" << qint64(7200);
        QTest::newRow("1d") << "1d" << qint64(86400);
        QTest::newRow("upper case") << "2H" << qint64(7200);
        QTest::newRow("90s") << "90s" << qint64(90);
        QTest::newRow("zero") << "0h" << qint64(-1);
        QTest::newRow("no unit") << "30" << qint64(-1);
        QTest::newRow("negative") << "-1h" << qint64(-1);
        QTest::newRow("word") << "soon" << qint64(-1);
        QTest::newRow("too long") << "31d" << qint64(-1);
        QTest::newRow("longest") << "30d" << qint64(30 * 86400);
        QTest::newRow("combined") << "1h30m" << qint64(-1);
    }
    void durations()
    {
        QFETCH(QString, text);
        QFETCH(qint64, secs);
        const auto d = parseDuration(text);
        QCOMPARE(d ? *d : -1, secs);
    }

    void helpListsTheMenuOnly()
    {
        QStringList menu;
        for (const CommandSpec &s : commandSpecs())
            if (s.inMenu)
                menu << QLatin1String(s.name);
        QCOMPARE(menu, (QStringList{QStringLiteral("status"), QStringLiteral("offline"),
                                    QStringLiteral("mute"), QStringLiteral("unmute"),
                                    QStringLiteral("help")}));
        QVERIFY(commandSpec(QStringLiteral("mute"))->changes);
        QVERIFY(!commandSpec(QStringLiteral("status"))->changes);
    }

    void access_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<bool>("channelPost");
        QTest::addColumn<int>("access");
        QTest::newRow("configured group, admin")
            << QByteArray(R"({"chat":{"id":-1001234,"type":"supergroup"},"from":{"id":111}})")
            << false << int(CommandAccess::Full);
        QTest::newRow("configured group, stranger")
            << QByteArray(R"({"chat":{"id":-1001234,"type":"supergroup"},"from":{"id":999}})")
            << false << int(CommandAccess::ReadOnly);
        QTest::newRow("channel post, no sender")
            << QByteArray(R"({"chat":{"id":-1001234,"type":"channel"}})") << true
            << int(CommandAccess::ReadOnly);
        QTest::newRow("channel post with a stand-in sender")
            << QByteArray(R"({"chat":{"id":-1001234,"type":"channel"},"from":{"id":111}})") << true
            << int(CommandAccess::ReadOnly);
        QTest::newRow("admin's private chat")
            << QByteArray(R"({"chat":{"id":111,"type":"private"},"from":{"id":111}})") << false
            << int(CommandAccess::Full);
        QTest::newRow("admin's private chat, no type given")
            << QByteArray(R"({"chat":{"id":222},"from":{"id":222}})") << false
            << int(CommandAccess::Full);
        QTest::newRow("stranger's private chat")
            << QByteArray(R"({"chat":{"id":999,"type":"private"},"from":{"id":999}})") << false
            << int(CommandAccess::Ignore);
        QTest::newRow("another group, admin")
            << QByteArray(R"({"chat":{"id":-100777,"type":"supergroup"},"from":{"id":111}})")
            << false << int(CommandAccess::Ignore);
        QTest::newRow("configured by @name")
            << QByteArray(R"({"chat":{"id":-100555,"type":"channel","username":"FarmAlerts"}})")
            << true << int(CommandAccess::ReadOnly);
    }
    void access()
    {
        QFETCH(QByteArray, message);
        QFETCH(bool, channelPost);
        QFETCH(int, access);
        const CommandOrigin o =
            CommandOrigin::ofMessage(QJsonDocument::fromJson(message).object(), channelPost);
        QCOMPARE(int(commandAccess(o, {QStringLiteral("-1001234"), QStringLiteral("@farmalerts")},
                                   {111, 222})),
                 access);
    }

    void pressNamesThePresser()
    {
        const CommandOrigin o = CommandOrigin::ofCallback(json(
            R"({"id":"1","from":{"id":222,"username":"bob","first_name":"Bob"},
                "message":{"message_id":5,"chat":{"id":-1001234,"type":"channel"}},"data":"ack"})"));
        QCOMPARE(o.fromId, qint64(222));
        QCOMPARE(o.fromName, QStringLiteral("@bob"));
        QCOMPARE(int(commandAccess(o, {QStringLiteral("-1001234")}, {222})),
                 int(CommandAccess::Full));
        const CommandOrigin noUser =
            CommandOrigin::ofCallback(json(R"({"id":"1","from":{"id":5,"first_name":"Ann"},
                     "message":{"message_id":5,"chat":{"id":-1001234}}})"));
        QCOMPARE(noUser.fromName, QStringLiteral("Ann"));
        QCOMPARE(int(commandAccess(noUser, {QStringLiteral("-1001234")}, {222})),
                 int(CommandAccess::ReadOnly));
    }
};

QTEST_GUILESS_MAIN(TestCommandParser)
#include "tst_commandparser.moc"
