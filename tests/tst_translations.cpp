// Every user-visible string has a Simplified Chinese translation: lupdate is run over the
// sources into a scratch copy of each catalogue (translations/rigwatch_core_zh_CN.ts for
// src/core, translations/rigwatch_zh_CN.ts for the tray app's src/gui, src/models and ui), and
// any message that is new, unfinished or empty fails the test, by name.
#include "notify/telegramclient.h"

#include <QDomDocument>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

class TestTranslations : public QObject
{
    Q_OBJECT
private slots:
    void zhCnIsComplete_data()
    {
        QTest::addColumn<QString>("catalogue");
        QTest::addColumn<QStringList>("sources");
        QTest::newRow("core") << QStringLiteral("rigwatch_core_zh_CN.ts")
                              << QStringList{QStringLiteral("src/core")};
        QTest::newRow("tray app") << QStringLiteral("rigwatch_zh_CN.ts")
                                  << QStringList{QStringLiteral("src/gui"),
                                                 QStringLiteral("src/models"),
                                                 QStringLiteral("ui")};
    }
    void zhCnIsComplete()
    {
        QFETCH(QString, catalogue);
        QFETCH(QStringList, sources);
        QTemporaryDir dir;
        const QString ts = dir.filePath(QStringLiteral("zh_CN.ts"));
        QVERIFY(QFile::copy(QStringLiteral(RIGWATCH_SOURCE_DIR "/translations/") + catalogue, ts));
        QFile::setPermissions(ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString src = QStringLiteral(RIGWATCH_SOURCE_DIR);
        QStringList args{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                         QStringLiteral("none"), QStringLiteral("-extensions"),
                         QStringLiteral("cpp,h,ui")};
        for (const QString &s : sources)
            args << src + QLatin1Char('/') + s;
        args << QStringLiteral("-ts") << ts;
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(RIGWATCH_LUPDATE), args);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        QFile f(ts);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QDomDocument doc;
        QVERIFY(doc.setContent(&f));
        QStringList missing;
        int total = 0;
        const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
        for (int i = 0; i < messages.size(); ++i) {
            const QDomElement m = messages.at(i).toElement();
            const QDomElement t = m.firstChildElement(QStringLiteral("translation"));
            ++total;
            const bool plural = m.attribute(QStringLiteral("numerus")) == QLatin1String("yes");
            const QString text =
                plural ? t.firstChildElement(QStringLiteral("numerusform")).text() : t.text();
            if (t.attribute(QStringLiteral("type")) == QLatin1String("unfinished") ||
                text.trimmed().isEmpty())
                missing << m.parentNode().firstChildElement(QStringLiteral("name")).text() +
                               QStringLiteral(": ") +
                               m.firstChildElement(QStringLiteral("source")).text();
        }
        QVERIFY2(total > 0, "lupdate found no strings at all");
        QVERIFY2(
            missing.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 strings have no zh_CN translation "
                                      "(run: cmake --build build --target update_translations, "
                                      "then translate):\n  ")
                           .arg(missing.size())
                           .arg(total) +
                       missing.join(QStringLiteral("\n  "))));
    }

    void embeddedCatalogueLoads()
    {
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/rigwatch_core_zh_CN.qm")));
        QVERIFY(!t.isEmpty());
    }

    // Telegram's refusals reach the settings dialog and the mirror panel as they are worded
    // here: in Chinese when the app runs in Chinese (their context is the struct's, not rw::...).
    void telegramExplanationsAreTranslated()
    {
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/rigwatch_core_zh_CN.qm")));
        QCoreApplication::installTranslator(&t);
        rw::TelegramResult r;
        r.kind = rw::TelegramResult::ChatNotFound;
        r.description = QStringLiteral("Bad Request: chat not found");
        const QString text = r.explanation();
        QCoreApplication::removeTranslator(&t);
        QVERIFY2(text.startsWith(QStringLiteral("找不到聊天")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Bad Request: chat not found")), qPrintable(text));
        QVERIFY(r.explanation().startsWith(QStringLiteral("Chat not found")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
