using System.Data.Common;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Queue;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The queue query the page and the benchmark share: keyset pages, oldest first, no OFFSET.</summary>
public abstract class QueuePaging(Provider provider) : IAsyncLifetime
{
    private readonly SqlLog _log = new();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task WalkingThePagesVisitsEveryRequestOnceOldestFirstWithoutOffset()
    {
        var now = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        await SeedAsync(now, 60);
        await using var db = CreateContext();
        var queue = new CancellationQueue(db);

        var seen = new List<QueueRow>();
        QueueCursor? after = null;
        var pages = 0;
        do
        {
            _log.Statements.Clear();
            var page = await queue.ReadAsync(new QueueQuery(After: after, PageSize: 25), now, default);
            _log.Statements.Count.ShouldBe(3);
            page.Counts[CancellationStatus.Requested].ShouldBe(60);
            seen.AddRange(page.Rows);
            after = page.Next;
            pages++;
        }
        while (after is not null);

        pages.ShouldBe(3);
        seen.Select(r => r.Id).Distinct().Count().ShouldBe(60);
        seen.Select(r => r.RequestedAt).ShouldBeInOrder(SortDirection.Ascending);
        _log.All.ShouldNotContain(s => s.Contains("OFFSET", StringComparison.OrdinalIgnoreCase));
    }

    private async Task SeedAsync(DateTimeOffset now, int count)
    {
        await using var db = _database.CreateContext();
        for (var i = 0; i < count; i++)
        {
            var order = Order.Place($"P{i:D5}", "shopper", "p@test.example", "Pat", "EUR", [new OrderLine("SKU", "Mug", 1, 10m)], 0m, 0m, PaymentMethod.BankDeposit, 10m, now.AddDays(-5));
            db.Orders.Add(order);

            // Every fifth request shares its time with the one before, so ties are broken by id.
            var at = now.AddMinutes(-(i - (i % 5 == 4 ? 1 : 0)));
            db.CancellationRequests.Add(CancellationRequest.Submit(order, PolicyAnswer.Allowed, Actor.Shopper("shopper", "Pat"), "portal", ShopperReason.Other, null, at).Value!);
        }

        await db.SaveChangesAsync();
    }

    private AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DomainServiceCollectionExtensions.ConfigureDatabase(builder, _database.Options);
        builder.AddInterceptors(_log);
        return new AppDbContext(builder.Options);
    }

    private sealed class SqlLog : DbCommandInterceptor
    {
        public List<string> Statements { get; } = [];
        public List<string> All { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            All.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}

public sealed class AQueueCursor
{
    [Fact]
    public void SurvivesTheTripThroughTheUrlAndRejectsGarbage()
    {
        var cursor = new QueueCursor(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), Guid.NewGuid());

        QueueCursor.Parse(cursor.ToToken()).ShouldBe(cursor);
        QueueCursor.Parse("1_2").ShouldBeNull();
        QueueCursor.Parse("x_" + Guid.NewGuid().ToString("N")).ShouldBeNull();
        QueueCursor.Parse(null).ShouldBeNull();
    }
}

public sealed class QueuePagingOnSqlite() : QueuePaging(Provider.Sqlite);

public sealed class QueuePagingOnPostgres() : QueuePaging(Provider.Postgres);
