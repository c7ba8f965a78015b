using System.Diagnostics;
using System.Globalization;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Queue;
using CancellationPortal.Domain.Reports;
using CancellationPortal.Domain.Settings;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Benchmarks;

/// <summary>
/// Measures the refund report the Reports page reads, on a database seeded with N refunds, for the periods and
/// filters a manager picks most: last month, this quarter, and last month narrowed to one currency and method.
/// </summary>
internal static class ReportsBenchmark
{
    private const int Warmup = 5;

    public static async Task<int> RunAsync(Provider provider, IReadOnlyList<int> sizes, int runs, DateTimeOffset now, bool printSql)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var clock = new ReportClock(zone, now);
        Console.WriteLine($"Refund report on {provider}, {runs} runs per case after {Warmup} warm-up runs; store time zone {zone.Id}; server time per page (ms).");
        Console.WriteLine();
        Console.WriteLine($"Load average at the start: {LoadAverage()}");
        Console.WriteLine($"{"refunds",10} | {"case",-26} | {"median",8} | {"p95",8} | {"CPU p50",8} | {"SQL/page",8} | {"refunds in period",17}");
        Console.WriteLine(new string('-', 104));
        var target = provider == Provider.Postgres ? 300 : 600;
        var worst = 0.0;
        var worstStatements = 0;
        foreach (var refunds in sizes)
        {
            await using var database = await TestDatabase.CreateAsync(provider);
            var seeding = Stopwatch.StartNew();
            await new Seeder(database, now).SeedRefundsAsync(refunds);
            Console.WriteLine($"{refunds,10} | seeded in {seeding.Elapsed.TotalSeconds:F1} s");

            var today = clock.Today;
            var cases = new (string Name, ReportQuery Query)[]
            {
                ("last month", Query(ReportPeriod.LastMonth, today)),
                ("this quarter", Query(ReportPeriod.ThisQuarter, today)),
                ("last month, EUR by card", Query(ReportPeriod.LastMonth, today) with { Currency = "EUR", Method = Domain.Refunds.RefundMethod.OriginalPayment }),
            };
            foreach (var (name, query) in cases)
            {
                var counter = new StatementCounter();
                var times = new List<double>();
                var cpu = new List<double>();
                long inPeriod = 0;
                for (var run = -Warmup; run < runs; run++)
                {
                    await using var db = CreateContext(database, counter);
                    counter.Count = 0;
                    counter.Statements.Clear();
                    counter.Durations.Clear();
                    var reports = new RefundReports(db, new CancellationQueue(db), new StoreTimeZone(new MemoryCache(Options.Create(new MemoryCacheOptions()))), TimeProvider.System);
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    var view = await reports.ReadAsync(query, clock, CancellationToken.None);
                    watch.Stop();
                    var cpuUsed = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                    inPeriod = view.Table("refunded").Rows.Sum(r => (long)r[1].Number!.Value + (long)r[4].Number!.Value + (long)r[6].Number!.Value);
                    if (run >= 0)
                    {
                        times.Add(watch.Elapsed.TotalMilliseconds);
                        cpu.Add(cpuUsed);
                    }
                }

                times.Sort();
                cpu.Sort();
                var median = times[times.Count / 2];
                var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
                if (refunds == sizes.Max())
                {
                    worst = Math.Max(worst, p95);
                }

                worstStatements = Math.Max(worstStatements, counter.Count);
                Console.WriteLine($"{refunds,10} | {name,-26} | {median,8:F1} | {p95,8:F1} | {cpu[cpu.Count / 2],8:F1} | {counter.Count,8} | {inPeriod,17:N0}");
                if (printSql)
                {
                    foreach (var (statement, duration) in counter.Statements.Zip(counter.Durations))
                    {
                        Console.WriteLine($"-- {duration.TotalMilliseconds:F1} ms (until the first row)");
                        Console.WriteLine(statement);
                    }
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        Console.WriteLine("CPU p50: this process's processor time per page (on SQLite the whole query; on PostgreSQL the client's share only).");
        Console.WriteLine($"Target p95 <= {target} ms at {sizes.Max():N0} refunds: worst {worst:F1} ms -> {(worst <= target ? "met" : "MISSED")}");
        Console.WriteLine($"SQL statements per page: at most {worstStatements}, whatever the number of refunds");
        return 0;
    }

    /// <summary>The machine's load (Linux), so a reader knows how busy it was while the figures were taken.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static ReportQuery Query(ReportPeriod period, DateOnly today)
    {
        var (from, to) = ReportQuery.Preset(period, today);
        return new ReportQuery(period, from, to);
    }

    private static AppDbContext CreateContext(TestDatabase database, StatementCounter counter)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DomainServiceCollectionExtensions.ConfigureDatabase(builder, database.Options);
        builder.AddInterceptors(counter);
        return new AppDbContext(builder.Options);
    }
}
