#include "language.h"

#include "guilogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace rw {

namespace {
struct Installed
{
    QString lang = QStringLiteral("en");
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
};
Installed &installed()
{
    static Installed i;
    return i;
}

// Dates, times and numbers in the chosen language: a Chinese window on an English desktop
// says 下午4:30, not 4:30 PM. The desktop's own locale stays when it speaks that language
// (an English window on an en_GB desktop keeps day-month dates, on a C one 24-hour times).
void useLocaleOf(const QString &lang)
{
    const QLocale wanted(lang);
    const QLocale system = QLocale::system();
    const bool systemSpeaksIt = system.language() == wanted.language()
                                || (system.language() == QLocale::C && wanted.language() == QLocale::English);
    QLocale::setDefault(systemSpeaksIt ? system : wanted);
}
} // namespace

QString Language::current()
{
    return installed().lang;
}

bool Language::apply(const QString &lang)
{
    Installed &i = installed();
    if (i.app)
        QCoreApplication::removeTranslator(i.app.get());
    if (i.qt)
        QCoreApplication::removeTranslator(i.qt.get());
    i.app.reset();
    i.qt.reset();
    i.lang = QStringLiteral("en");
    useLocaleOf(lang.isEmpty() ? i.lang : lang);
    if (lang.isEmpty() || lang == QLatin1String("en")) {
        // English is the source language; its catalogue only supplies plural forms
        // ("1 worker went offline" / "2 workers went offline").
        auto en = std::make_unique<QTranslator>();
        if (en->load(QStringLiteral("rigwatch_en"), QStringLiteral(":/i18n"))) {
            QCoreApplication::installTranslator(en.get());
            i.app = std::move(en);
        }
        return true;
    }
    auto app = std::make_unique<QTranslator>();
    const QString file = QStringLiteral("rigwatch_") + lang;
    if (!app->load(file, QStringLiteral(":/i18n"))
        && !app->load(file, QCoreApplication::applicationDirPath() + QStringLiteral("/translations"))
        && !app->load(file, QCoreApplication::applicationDirPath()
                                + QStringLiteral("/../share/rigwatch/translations"))) {
        qCWarning(lcGui).noquote() << "no translation found for" << lang << "- staying in English";
        return false;
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    else
        qt.reset();
    QCoreApplication::installTranslator(app.get());
    i.app = std::move(app);
    i.qt = std::move(qt);
    i.lang = lang;
    return true;
}

} // namespace rw
