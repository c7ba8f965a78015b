using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Undo;

/// <summary>
/// The shopper's side of an undo: the order page says what is due and offers "Pay now"; in the sandbox a clearly
/// labelled payment page takes the payment, after which the order is active again and its history shows the undo.
/// </summary>
public abstract class KeepingAnOrderAfterACancellation(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task AfterACardRefundTheShopperPaysInTheSandboxAndTheOrderIsActiveAgain()
    {
        var number = await CardRefundedThenUndoneAsync();

        var due = await OpenOrderAsync(number);
        due.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Payment due to keep the order");
        due.Document.QuerySelector("[data-testid=repayment-due]")!.TextContent.ShouldBe("EUR 51.95");
        var sandbox = await Browser.SubmitAsync(due, "Pay now");
        sandbox.Status.ShouldBe(HttpStatusCode.OK);
        sandbox.Document.QuerySelector("[data-testid=sandbox-payment]")!.TextContent.ShouldContain("Sandbox — no money moves.");
        var paid = await Browser.SubmitAsync(sandbox, "Pay EUR 51.95 (sandbox)");

        paid.Url.AbsolutePath.ShouldBe($"/Account/Orders/{number}");
        paid.Text.ShouldContain($"Thank you: your payment arrived and order {number} is active again.");
        paid.Document.QuerySelector("[data-testid=active-again]")!.TextContent.ShouldBe("Your order is active again.");
        paid.Document.QuerySelector("[aria-label='Cancellation history']")!.TextContent.ShouldContain("Cancellation undone");
        paid.HasButton("Pay now").ShouldBeFalse();
        (await App.OutboxMailAsync()).Select(m => m.Subject).ShouldContain($"Order {number} is active again");
    }

    [Fact]
    public async Task PayingTwiceOpensOnePaymentAndAReplayedSandboxPaymentChangesNothing()
    {
        var number = await CardRefundedThenUndoneAsync();
        var due = await OpenOrderAsync(number);
        var first = await Browser.SubmitAsync(due, "Pay now");
        var second = await Browser.SubmitAsync(due, "Pay now");
        var button = first.FormWithButton("Pay EUR 51.95 (sandbox)");
        second.FormWithButton("Pay EUR 51.95 (sandbox)").QuerySelector("input[name=repaymentId]")!.GetAttribute("value")
            .ShouldBe(button.QuerySelector("input[name=repaymentId]")!.GetAttribute("value"));

        await Browser.SubmitAsync(first, "Pay EUR 51.95 (sandbox)");
        var replayed = await Browser.ReplayAsync(button, "Pay EUR 51.95 (sandbox)");

        replayed.Status.ShouldBe(HttpStatusCode.NotFound, "the payment is no longer waiting");
        var repayments = await App.WithDbAsync(db => Task.FromResult(db.Repayments.Count()));
        repayments.ShouldBe(1);
    }

    [Fact]
    public async Task AnotherShoppersOrderHasNothingToPay()
    {
        var number = await CardRefundedThenUndoneAsync();
        var stranger = await App.CreateShopperAsync();
        using var browser = App.NewBrowser();
        await browser.SignInAsync(stranger.Email, PortalApp.Password);

        var page = await browser.GetAsync($"/Account/Orders/{number}/Pay");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AShopperAsksToKeepACanceledOrderAndItReachesStaffAsAnUndoRequest()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        await App.RequestAsShopperAsync(Shopper, order);
        await App.CancelAsync(order.Number);
        var page = await OpenOrderAsync(order.Number);

        var asked = await Browser.SubmitAsync(page, "I changed my mind — keep my order");

        asked.Text.ShouldContain($"We received your request to keep order {order.Number}.");
        asked.Document.QuerySelector("[data-testid=keep-asked]").ShouldNotBeNull();
        asked.HasButton("I changed my mind — keep my order").ShouldBeFalse();
        asked.Document.QuerySelector("[aria-label='Cancellation history']")!.TextContent.ShouldContain("The shopper asked to keep the order");
        var flagged = await App.WithServiceAsync<Domain.Queue.CancellationQueue, int>(async queue =>
            (await queue.ReadAsync(new Domain.Queue.QueueQuery(Status: null, Search: order.Number, Flag: Domain.Queue.QueueFlag.UndoAsked), DateTimeOffset.UtcNow, default)).Rows.Count);
        flagged.ShouldBe(1);
    }

    [Fact]
    public async Task OutsideTheStoresWindowTheShopperCannotAskToKeepTheOrder()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        await App.RequestAsShopperAsync(Shopper, order);
        await App.CancelAsync(order.Number);
        var page = await OpenOrderAsync(order.Number);
        await App.WithDbAsync(async db =>
        {
            (await db.StoreSettings.SingleAsync()).ShopperUndoWindowDays = 0;
            await db.SaveChangesAsync();
        });

        var refused = await Browser.SubmitAsync(page, "I changed my mind — keep my order");

        refused.Status.ShouldBe(HttpStatusCode.Conflict);
        refused.Text.ShouldContain("This order was canceled too long ago to be kept");
        refused.HasButton("I changed my mind — keep my order").ShouldBeFalse();
    }

    /// <summary>The order's card payment was refunded in full (sandbox), then staff undid the cancellation: all of it is due.</summary>
    private async Task<string> CardRefundedThenUndoneAsync()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var request = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(request.Id);
        await App.DecideAsync(order.Number, new DecisionInput(
            DecisionReason.CustomerRequest, null, RefundMethod.OriginalPayment, null, null, RefundNow: false, Restock: false, NotifyShopper: false, StaffNote: null));
        await App.RefundAsync(order.Number, RefundMethod.OriginalPayment, 51.95m);
        (await App.UndoThroughTheUseCaseAsync(order.Number)).Status.ShouldBe(CancellationStatus.AwaitingRepayment);
        return order.Number;
    }
}

public sealed class KeepingAnOrderAfterACancellationOnSqlite() : KeepingAnOrderAfterACancellation(Provider.Sqlite);

public sealed class KeepingAnOrderAfterACancellationOnPostgres() : KeepingAnOrderAfterACancellation(Provider.Postgres);
