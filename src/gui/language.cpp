#include "language.h"

#include "guilogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>
#include <vector>

namespace rw {

namespace {
struct Installed
{
    QString lang = QStringLiteral("en");
    std::vector<std::unique_ptr<QTranslator>> app; // the core's catalogue, then the windows'
    std::unique_ptr<QTranslator> qt;
};

// The two catalogues of a language: rigwatch_core_* (in rigwatch_core: what rigwatchd says too)
// and rigwatch_* (in rigwatch_gui: the windows). Empty when either is missing.
std::vector<std::unique_ptr<QTranslator>> loadCatalogues(const QString &lang)
{
    std::vector<std::unique_ptr<QTranslator>> out;
    for (const QString &name : {QStringLiteral("rigwatch_core_"), QStringLiteral("rigwatch_")}) {
        auto t = std::make_unique<QTranslator>();
        const QString file = name + lang;
        if (!t->load(file, QStringLiteral(":/i18n")) &&
            !t->load(file,
                     QCoreApplication::applicationDirPath() + QStringLiteral("/translations")) &&
            !t->load(file, QCoreApplication::applicationDirPath() +
                               QStringLiteral("/../share/rigwatch/translations")))
            return {};
        out.push_back(std::move(t));
    }
    return out;
}
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
    const bool systemSpeaksIt =
        system.language() == wanted.language() ||
        (system.language() == QLocale::C && wanted.language() == QLocale::English);
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
    for (const auto &t : i.app)
        QCoreApplication::removeTranslator(t.get());
    if (i.qt)
        QCoreApplication::removeTranslator(i.qt.get());
    i.app.clear();
    i.qt.reset();
    i.lang = QStringLiteral("en");
    useLocaleOf(lang.isEmpty() ? i.lang : lang);
    if (lang.isEmpty() || lang == QLatin1String("en")) {
        // English is the source language; its catalogues only supply plural forms
        // ("1 worker went offline" / "2 workers went offline").
        i.app = loadCatalogues(QStringLiteral("en"));
        for (const auto &t : i.app)
            QCoreApplication::installTranslator(t.get());
        return true;
    }
    std::vector<std::unique_ptr<QTranslator>> app = loadCatalogues(lang);
    if (app.empty()) {
        qCWarning(lcGui).noquote() << "no translation found for" << lang << "- staying in English";
        return false;
    }
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QStringLiteral("qtbase_") + lang,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt.get());
    else
        qt.reset();
    for (const auto &t : app)
        QCoreApplication::installTranslator(t.get());
    i.app = std::move(app);
    i.qt = std::move(qt);
    i.lang = lang;
    return true;
}

} // namespace rw
