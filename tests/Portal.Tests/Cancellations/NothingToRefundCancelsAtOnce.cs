using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>A $0 order, or one paid wholly in points or store credit, is canceled on the spot and the page says so.</summary>
public abstract class NothingToRefundCancelsAtOnce(Provider provider) : SignedInShopperTest(provider)
{
    public static TheoryData<string> Payments => ["free", "points", "store credit"];

    [Theory]
    [MemberData(nameof(Payments))]
    public async Task TheOrderIsCanceledAtOnce(string payment)
    {
        var order = payment switch
        {
            "free" => await App.PlaceOrderAsync(Shopper, PaymentMethod.None, 0m, discount: 51.95m),
            "points" => await App.PlaceOrderAsync(Shopper, PaymentMethod.Points, 0m, pointsRedeemed: 5195),
            _ => await App.PlaceOrderAsync(Shopper, PaymentMethod.StoreCredit),
        };

        var before = await OpenOrderAsync(order.Number);
        before.Text.ShouldContain("There is nothing to refund on this order, so it is canceled at once");
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.OrderedByMistake));
        var done = await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        done.Status.ShouldBe(HttpStatusCode.OK);
        done.Text.ShouldContain($"Order {order.Number} was canceled on");
        done.Text.ShouldContain("There was nothing to refund");
        done.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Canceled");
        done.HasButton("Withdraw cancellation request").ShouldBeFalse();
        (await App.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync())).IsCanceled.ShouldBeTrue();
        (await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync())).Status.ShouldBe(CancellationStatus.Canceled);
        (await App.OutboxMailAsync()).ShouldHaveSingleItem().Subject.ShouldBe($"Order {order.Number} is canceled");
    }
}

public sealed class NothingToRefundCancelsAtOnceOnSqlite() : NothingToRefundCancelsAtOnce(Provider.Sqlite);

public sealed class NothingToRefundCancelsAtOnceOnPostgres() : NothingToRefundCancelsAtOnce(Provider.Postgres);
