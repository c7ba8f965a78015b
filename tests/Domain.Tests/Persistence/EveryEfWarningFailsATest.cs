using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// A paged query without an order returns arbitrary rows; EF Core only logs a warning for it. Tests run with
/// every EF warning turned into an exception, so such a query fails the test that runs it.
/// </summary>
public sealed class EveryEfWarningFailsATest() : DatabaseTest(Provider.Sqlite)
{
    [Fact]
    public async Task AnUnorderedPageOfRowsThrows()
    {
        await using var db = NewContext();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.Orders.Skip(25).Take(25).ToListAsync());

        error.Message.ShouldContain("RowLimitingOperationWithoutOrderByWarning");
    }

    [Fact]
    public async Task TheSamePageInAStableOrderRuns()
    {
        await using var db = NewContext();

        (await db.Orders.OrderBy(o => o.PlacedAt).ThenBy(o => o.Id).Skip(25).Take(25).ToListAsync()).ShouldBeEmpty();
    }
}
