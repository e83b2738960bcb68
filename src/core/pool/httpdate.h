#pragma once

#include <QByteArray>
#include <QList>
#include <QStringView>

#include <string_view>

namespace rw {

// Locale-independent timestamp parsing for pool replies. Hand-written on purpose: QDateTime's
// and QLocale's text parsing depend on the system locale (month names under zh_CN) and are slow
// for 100k timestamps per reply.

// HTTP Date header -> unix seconds; 0 if invalid or before 1970. Accepts the three formats of
// RFC 9110 §5.6.7: IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850
// "Sunday, 06-Nov-94 08:49:37 GMT" and asctime "Sun Nov  6 08:49:37 1994"; also a numeric zone
// ("+0000", "+0800"). The weekday is optional and not cross-checked.
qint64 parseHttpDate(const QByteArray &value);
// The pool's clock from a reply's Date header fields, in the order received. A server that
// sends Date twice (a framework's own and the application's) arrives as two fields, or as one
// joined with ", " ("Sat, 28 Nov 2026 16:00:00 GMT, Sat, 28 Nov 2026 14:00:00 GMT"): the
// last date given wins, as the one the application set. 0 if none parses.
qint64 parseHttpDateFields(const QList<QByteArray> &fields);

// ISO-8601 date-time -> unix seconds; 0 if invalid, empty or before 1970.
// "2018-06-19T10:02:19.810789Z", "2018-06-19T10:02:19Z", "2018-06-19 10:02:19+08:00",
// "2018-06-19T10:02:19+0800", "2018-06-19T10:02" (no zone = UTC, as the pool sends UTC).
// Fractions of a second are dropped.
qint64 parseIsoDateTime(QStringView value);
// The same from ASCII bytes (a byte of 0x80 or more is never a digit or a separator).
qint64 parseIsoDateTime(std::string_view ascii);

} // namespace rw
