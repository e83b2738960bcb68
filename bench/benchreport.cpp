#include "benchreport.h"

#include <cstdio>

namespace rw::bench {

namespace {
volatile long long g_sink = 0;

void out(const QString &line)
{
    std::fputs(line.toUtf8().constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}
} // namespace

void keep(long long value)
{
    g_sink = g_sink + value;
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

void BenchReport::figure(int number, const QString &what, const QString &measured,
                         const QString &target, bool pass)
{
    figure(QString::number(number), what, measured, target, pass);
}

void BenchReport::figure(const QString &label, const QString &what, const QString &measured,
                         const QString &target, bool pass)
{
    const Verdict v = m_quick ? Verdict::Ran : (pass ? Verdict::Pass : Verdict::FallShort);
    print(label, what, measured + QStringLiteral("  (target ") + target + QLatin1Char(')'), v);
}

void BenchReport::notAvailable(int number, const QString &what, const QString &why)
{
    print(QString::number(number), what, why, Verdict::NotAvailable);
}

void BenchReport::error(int number, const QString &what, const QString &why)
{
    print(QString::number(number), what, why, Verdict::Error);
}

void BenchReport::info(const QString &line)
{
    out(QStringLiteral("      ") + line);
}

void BenchReport::print(const QString &label, const QString &what, const QString &text, Verdict v)
{
    m_verdicts << v;
    out(QStringLiteral("[%1] %2: %3 ... %4").arg(label, what, text, verdictWord(v)));
}

QString BenchReport::verdictWord(Verdict v)
{
    switch (v) {
    case Verdict::Pass:
        return QStringLiteral("PASS");
    case Verdict::FallShort:
        return QStringLiteral("FALL SHORT");
    case Verdict::Ran:
        return QStringLiteral("RAN (quick, not judged)");
    case Verdict::NotAvailable:
        return QStringLiteral("NOT AVAILABLE");
    case Verdict::Error:
        return QStringLiteral("ERROR");
    }
    return {};
}

int BenchReport::finish()
{
    const auto count = [this](Verdict v) {
        return int(std::count(m_verdicts.cbegin(), m_verdicts.cend(), v));
    };
    const int errors = count(Verdict::Error);
    const int na = count(Verdict::NotAvailable);
    QString line;
    if (m_quick)
        line = QStringLiteral("SUMMARY (quick): %1 of %2 figures ran, %3 not available, %4 errors "
                              "- quick runs are not judged")
                   .arg(count(Verdict::Ran))
                   .arg(m_verdicts.size())
                   .arg(na)
                   .arg(errors);
    else
        line = QStringLiteral("SUMMARY: %1 PASS, %2 FALL SHORT, %3 not available, %4 errors "
                              "(of %5 figures)")
                   .arg(count(Verdict::Pass))
                   .arg(count(Verdict::FallShort))
                   .arg(na)
                   .arg(errors)
                   .arg(m_verdicts.size());
    out(line);
    return errors > 0 ? 1 : 0;
}

} // namespace rw::bench
