using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>The emails about a request say what goes back in the words of the way the order was paid, as the order page does.</summary>
public abstract class EmailsSayWhatGoesBack(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task AStoreCreditOrderThatMustBeStoppedFirstIsNeverToldThereIsNothingToRefund()
    {
        var order = await App.PlaceOrderAsync(Shopper, PaymentMethod.StoreCredit, shape: o => o.UpdateFulfillment(FulfillmentStatus.FulfillmentInProgress));
        var request = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(request.Id);

        var mails = await App.OutboxMailAsync();

        mails.Select(m => m.Subject).ShouldBe([
            $"We received your cancellation request for order {order.Number}",
            $"Your cancellation of order {order.Number} is being processed",
        ]);
        mails.ShouldAllBe(m => m.TextBody.Contains("The EUR 51.95 in store credit you paid with goes back to your account."));
        mails.ShouldAllBe(m => !m.TextBody.Contains("refund", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ACardOrderIsToldItsPaymentIsRefundedOnceAccepted()
    {
        var order = await App.PlaceOrderAsync(Shopper, PaymentMethod.Card);
        var request = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(request.Id);

        var mails = await App.OutboxMailAsync();

        mails[0].TextBody.ShouldContain("Once we accept your request, we refund the EUR 51.95 you paid by card.");
        mails[1].TextBody.ShouldContain("We are now canceling it. We are working out your refund and email you when it has been issued.");
    }
}

public sealed class EmailsSayWhatGoesBackOnSqlite() : EmailsSayWhatGoesBack(Provider.Sqlite);
