using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>
/// A $0 order, or one paid wholly in points or store credit, is canceled on the spot; the page and the email say
/// what goes back in the words of the way it was paid, never "nothing to refund" for credit or points.
/// </summary>
public abstract class NothingToRefundCancelsAtOnce(Provider provider) : SignedInShopperTest(provider)
{
    public static TheoryData<string, string, string> Payments => new()
    {
        { "free", "Nothing was paid for this order, so there is nothing to refund. The order is canceled as soon as you confirm.", "Nothing was paid for this order, so there was nothing to refund." },
        { "points", "The 5,195 points you paid with go back to your account. The order is canceled as soon as you confirm.", "The 5,195 points you paid with are back on your account." },
        { "store credit", "The EUR 51.95 in store credit you paid with goes back to your account. The order is canceled as soon as you confirm.", "The EUR 51.95 in store credit you paid with is back on your account." },
    };

    [Theory]
    [MemberData(nameof(Payments))]
    public async Task TheOrderIsCanceledAtOnce(string payment, string before, string after)
    {
        var order = payment switch
        {
            "free" => await App.PlaceOrderAsync(Shopper, PaymentMethod.None, 0m, discount: 51.95m),
            "points" => await App.PlaceOrderAsync(Shopper, PaymentMethod.Points, 0m, pointsRedeemed: 5195),
            _ => await App.PlaceOrderAsync(Shopper, PaymentMethod.StoreCredit),
        };

        var page = await OpenOrderAsync(order.Number);
        page.Document.QuerySelector("[data-testid=what-happens]")!.TextContent.ShouldBe(before);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.OrderedByMistake));
        var done = await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        done.Status.ShouldBe(HttpStatusCode.OK);
        done.Document.QuerySelector("[role=status]")!.TextContent.ShouldEndWith($". {after} We have emailed you a confirmation.");
        done.Document.QuerySelector("[data-testid=next-step]")!.TextContent.Trim().ShouldBe($"The order is canceled. {after}");
        done.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Canceled");
        done.HasButton("Withdraw cancellation request").ShouldBeFalse();
        (await App.WithDbAsync(db => db.Orders.AsNoTracking().SingleAsync())).IsCanceled.ShouldBeTrue();
        (await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync())).Status.ShouldBe(CancellationStatus.Canceled);
        var mail = (await App.OutboxMailAsync()).ShouldHaveSingleItem();
        mail.Subject.ShouldBe($"Order {order.Number} is canceled");
        mail.TextBody.ShouldContain($", as you asked.{Environment.NewLine}{after}");
    }
}

public sealed class NothingToRefundCancelsAtOnceOnSqlite() : NothingToRefundCancelsAtOnce(Provider.Sqlite);

public sealed class NothingToRefundCancelsAtOnceOnPostgres() : NothingToRefundCancelsAtOnce(Provider.Postgres);
