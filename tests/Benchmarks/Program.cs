using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using CancellationPortal.Benchmarks;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Queue;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

// Measures the back-office queue query (the one the page runs) on a seeded database:
//   dotnet run -c Release --project tests/Benchmarks -- --orders 10000,100000,1000000 --provider sqlite|postgres [--runs 50] [--sql]
// or the refund report of the Reports page:
//   dotnet run -c Release --project tests/Benchmarks -- reports --refunds 10000,100000,1000000 --provider sqlite|postgres [--runs 30] [--sql]
// PostgreSQL needs TEST_POSTGRES (an admin connection string); each size gets its own throwaway database.
if (args.FirstOrDefault() == "reports")
{
    return await ReportsBenchmark.RunAsync(
        Option("--provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? Provider.Postgres : Provider.Sqlite,
        [.. Option("--refunds", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
        int.Parse(Option("--runs", "30"), CultureInfo.InvariantCulture),
        new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero),
        args.Contains("--sql"));
}

var sizes = Option("--orders", "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var provider = Option("--provider", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? Provider.Postgres : Provider.Sqlite;
var runs = int.Parse(Option("--runs", "50"), CultureInfo.InvariantCulture);
var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
const int Warmup = 20;

Console.WriteLine($"Queue query on {provider}, {runs} runs per case after {Warmup} warm-up runs; server time per page (ms).");
Console.WriteLine();
Console.WriteLine($"{"orders",10} | {"case",-22} | {"median",8} | {"p95",8} | {"SQL/page",8} | {"rows",4}");
Console.WriteLine(new string('-', 76));
var p95s = new Dictionary<(int Orders, string Case), double>();
var worstStatements = 0;
foreach (var orders in sizes)
{
    await using var database = await TestDatabase.CreateAsync(provider);
    var seeder = new Seeder(database, now);
    var seeding = Stopwatch.StartNew();
    await seeder.SeedAsync(orders);
    Console.WriteLine($"{orders,10} | seeded in {seeding.Elapsed.TotalSeconds:F1} s");

    var deepCursor = await DeepCursorAsync(database);
    var cases = new (string Name, QueueQuery Query)[]
    {
        ("first page", new QueueQuery()),
        ("filtered page", new QueueQuery(CancellationStatus.InProgress, Source: ActorKind.Shopper, Age: QueueAge.Over24Hours)),
        ("search order number", new QueueQuery(Search: seeder.OrderNumber(orders / 2 - (orders / 2 % 20)))),
        ("deep keyset page", new QueueQuery(After: deepCursor)),
    };
    foreach (var (name, query) in cases)
    {
        var counter = new StatementCounter();
        var times = new List<double>();
        var rows = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        for (var run = -Warmup; run < runs; run++)
        {
            // A fresh context per run, as each page request gets.
            await using var db = CreateContext(database, counter);
            counter.Count = 0;
            counter.Statements.Clear();
            var watch = Stopwatch.StartNew();
            var page = await new CancellationQueue(db).ReadAsync(query, now, CancellationToken.None);
            watch.Stop();
            rows = page.Rows.Count;
            if (run >= 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        var median = times[times.Count / 2];
        var p95 = times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)];
        p95s[(orders, name)] = p95;
        worstStatements = Math.Max(worstStatements, counter.Count);
        Console.WriteLine($"{orders,10} | {name,-22} | {median,8:F2} | {p95,8:F2} | {counter.Count,8} | {rows,4}");
        if (args.Contains("--sql"))
        {
            counter.Statements.ForEach(Console.WriteLine);
        }
    }
}

Console.WriteLine();
var largest = sizes.Max();
var smallest = sizes.Min();
var worstP95 = p95s.Where(p => p.Key.Orders == largest).Max(p => p.Value);
Console.WriteLine($"Target p95 <= 50 ms at {largest} orders: worst {worstP95:F2} ms -> {(worstP95 <= 50 ? "met" : "MISSED")}");
Console.WriteLine($"Target <= 5 SQL statements per page: {worstStatements} -> {(worstStatements <= 5 ? "met" : "MISSED")}");
if (largest != smallest)
{
    foreach (var name in p95s.Keys.Select(k => k.Case).Distinct())
    {
        // Sub-millisecond timings are mostly noise; a 1 ms floor keeps the ratio meaningful.
        var ratio = p95s[(largest, name)] / Math.Max(1.0, p95s[(smallest, name)]);
        Console.WriteLine($"p95 {name} at {largest} / at {smallest} (1 ms floor): {ratio:F2} -> {(ratio <= 1.5 ? "met" : "MISSED")} (target <= 1.5)");
    }
}

return 0;

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

static AppDbContext CreateContext(TestDatabase database, StatementCounter counter)
{
    var builder = new DbContextOptionsBuilder<AppDbContext>();
    DomainServiceCollectionExtensions.ConfigureDatabase(builder, database.Options);
    builder.AddInterceptors(counter);
    return new AppDbContext(builder.Options);
}

// The cursor 90% down the Requested tab: the page staff reach after paging far.
static async Task<QueueCursor> DeepCursorAsync(TestDatabase database)
{
    await using var db = database.CreateContext();
    var requested = db.CancellationRequests.Where(r => r.Status == CancellationStatus.Requested);
    var skip = await requested.CountAsync() * 9 / 10;
    var row = await requested.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id).Skip(skip).Select(r => new { r.RequestedAt, r.Id }).FirstAsync();
    return new QueueCursor(row.RequestedAt, row.Id);
}

/// <summary>Counts every SQL statement the queue query sends.</summary>
internal sealed class StatementCounter : DbCommandInterceptor
{
    public int Count { get; set; }

    /// <summary>The statements of the last page read, printed with --sql.</summary>
    public List<string> Statements { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        Count++;
        Statements.Add(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    /// <summary>How long each statement of the last page took to answer, printed with --sql.</summary>
    public List<TimeSpan> Durations { get; } = [];

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        Durations.Add(eventData.Duration);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count++;
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }
}
