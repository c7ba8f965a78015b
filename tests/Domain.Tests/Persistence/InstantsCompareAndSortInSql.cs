using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Queues and reports filter and sort by time in the database. SQLite has no date-time type, so the stored
/// form of a DateTimeOffset must order like the instant itself.
/// </summary>
public abstract class InstantsCompareAndSortInSql(Provider provider) : DatabaseTest(provider)
{
    private static readonly DateTimeOffset Base = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly DateTimeOffset[] Instants =
    [
        Base.AddYears(-30),
        Base.AddDays(-1),
        Base.AddMilliseconds(-1),
        Base,
        Base.AddMilliseconds(1),
        Base.AddSeconds(59),
        Base.AddYears(10),
    ];

    [Fact]
    public async Task OrderByAndRangeFiltersRunInTheDatabaseAndFollowTime()
    {
        await using (var db = NewContext())
        {
            // Inserted out of order, so a result in insertion order would not pass.
            foreach (var at in new[] { 4, 0, 6, 2, 5, 3, 1 }.Select(i => Instants[i]))
            {
                db.Outbox.Add(OutboxMessage.Create(EmailMessage.OutboxKind, "{}", at.ToString("O", System.Globalization.CultureInfo.InvariantCulture), at));
            }

            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var query = check.Outbox.Where(m => m.NextAttemptAt <= Base && m.CreatedAt > Base.AddYears(-31)).OrderBy(m => m.NextAttemptAt).Select(m => m.NextAttemptAt);
        query.ToQueryString().ShouldContain("ORDER BY");
        var due = await query.ToListAsync();
        var latestFirst = await check.Outbox.OrderByDescending(m => m.CreatedAt).Select(m => m.CreatedAt).FirstAsync();

        due.ShouldBe(Instants.Where(i => i <= Base).ToList());
        latestFirst.ShouldBe(Base.AddYears(10));
    }

    [Fact]
    public async Task AnInstantRoundTripsToTheMillisecond()
    {
        var at = new DateTimeOffset(2026, 11, 2, 9, 30, 15, 123, TimeSpan.Zero);
        await using (var db = NewContext())
        {
            db.Outbox.Add(OutboxMessage.Create(EmailMessage.OutboxKind, "{}", null, at));
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var stored = await check.Outbox.SingleAsync(m => m.CreatedAt == at);
        stored.CreatedAt.ShouldBe(at);
        stored.CreatedAt.Offset.ShouldBe(TimeSpan.Zero);
    }
}

public sealed class InstantsCompareAndSortInSqlOnSqlite() : InstantsCompareAndSortInSql(Provider.Sqlite);

public sealed class InstantsCompareAndSortInSqlOnPostgres() : InstantsCompareAndSortInSql(Provider.Postgres);
