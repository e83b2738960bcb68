#pragma once

#include <QString>

namespace rw {

// Switches the app's language at run time: installs rigwatch_<lang>.qm (embedded under
// :/i18n, else next to the executable) and Qt's own strings; widgets retranslate on the
// LanguageChange event that follows.
class Language
{
public:
    // "en" removes any translation. Returns false when no catalogue for lang was found (the
    // app then stays in English).
    static bool apply(const QString &lang);
    static QString current();
};

} // namespace rw
