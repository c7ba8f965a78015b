using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>The back office reads the same database: a request is in its queue, with reason and comment, the moment it is submitted.</summary>
public abstract class RequestsReachTheBackOfficeQueue(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task TheRequestIsInTheQueueWithReasonAndComment()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.DeliveryTooLong), "Three weeks is too long");

        await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        var queue = await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking()
            .Where(r => r.Status == CancellationStatus.Requested)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new { r.Order.Number, r.ShopperReason, r.Comment, r.Source, r.RequestedByName })
            .ToListAsync());
        var item = queue.ShouldHaveSingleItem();
        item.Number.ShouldBe(order.Number);
        item.ShopperReason.ShouldBe(ShopperReason.DeliveryTooLong);
        item.Comment.ShouldBe("Three weeks is too long");
        item.Source.ShouldBe("portal");
        item.RequestedByName.ShouldBe(Shopper.Email);
    }
}

public sealed class RequestsReachTheBackOfficeQueueOnSqlite() : RequestsReachTheBackOfficeQueue(Provider.Sqlite);

public sealed class RequestsReachTheBackOfficeQueueOnPostgres() : RequestsReachTheBackOfficeQueue(Provider.Postgres);
