using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Two cancellations of different orders that restock the same item at the same moment: one wins the stock
/// row, the other is told plainly to try again — not that a colleague changed its request — and keeps nothing.
/// </summary>
public abstract class CancellationsSavedAtTheSameMomentOnSharedRows(Provider provider) : DatabaseTest(provider)
{
    [Fact]
    public async Task TheLoserIsAskedToTryAgainAndTheRetrySucceeds()
    {
        var first = await SaveAsync(TestOrders.Free("customer-1"));
        var second = await SaveAsync(TestOrders.Free("customer-2"));
        var sku = first.Lines[0].Sku;
        await using (var setup = NewContext())
        {
            setup.StockItems.Add(new StockItem(sku, "Sticker pack", 10));
            await setup.SaveChangesAsync();
        }

        await using var loser = NewContext();
        await loser.StockItems.SingleAsync(s => s.Sku == sku); // read before the other cancellation saved
        await using (var winner = NewContext())
        {
            var won = await RequestOn(winner, second.Id, ShopperReason.ChangedMind, null, Actor.Shopper("customer-2", "Shopper 2"));
            won.IsSuccess.ShouldBeTrue();
        }

        var lost = await RequestOn(loser, first.Id, ShopperReason.ChangedMind, null, Actor.Shopper("customer-1", "Shopper 1"));

        lost.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldStartWith("Another cancellation was saved at the same moment");
        await using (var check = NewContext())
        {
            (await check.CancellationRequests.CountAsync(r => r.OrderId == first.Id)).ShouldBe(0);
            (await check.StockItems.SingleAsync(s => s.Sku == sku)).OnHand.ShouldBe(11);
        }

        await using var retry = NewContext();
        (await RequestOn(retry, first.Id, ShopperReason.ChangedMind, null, Actor.Shopper("customer-1", "Shopper 1"))).IsSuccess.ShouldBeTrue();
        (await retry.StockItems.AsNoTracking().SingleAsync(s => s.Sku == sku)).OnHand.ShouldBe(12);
    }
}

public sealed class CancellationsSavedAtTheSameMomentOnSharedRowsOnSqlite() : CancellationsSavedAtTheSameMomentOnSharedRows(Provider.Sqlite);

public sealed class CancellationsSavedAtTheSameMomentOnSharedRowsOnPostgres() : CancellationsSavedAtTheSameMomentOnSharedRows(Provider.Postgres);
