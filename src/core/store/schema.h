#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;
class QSqlError;

namespace rw {

// The translation context of the store's messages (the app shows them to the operator).
struct StoreText
{
    Q_DECLARE_TR_FUNCTIONS(StoreText)
};

// The store's table layout and the migrations that bring an older database up to it. The
// version lives in PRAGMA user_version; each migration step is plain SQL kept in schema.cpp.
class Schema
{
public:
    // The version this build creates and understands.
    static int version();

    // Brings `db` up to version() in one transaction (nothing changes if a step fails).
    // Refuses a database written by a newer build and an SQLite file of another program.
    // On failure returns false and sets *why to plain words (the caller names the file), and
    // *sqlError to SQLite's error when the file could not be read.
    static bool migrate(QSqlDatabase &db, QString *why, QSqlError *sqlError = nullptr);
};

} // namespace rw
