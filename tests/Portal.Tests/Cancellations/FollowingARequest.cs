using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>The order page follows the request through staff decisions: status, what happens next, every step with its date.</summary>
public abstract class FollowingARequest(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task ARejectedRequestShowsTheReasonAndTheWholeHistory()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await App.RequestAsShopperAsync(Shopper, order, comment: "Please hurry");
        var rejected = await App.RejectAsync(requested.Id, "The parcel was handed to the courier this morning.");

        var page = await OpenOrderAsync(order.Number);

        page.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Processing");
        page.Text.ShouldContain("Status: Cancellation rejected");
        page.Text.ShouldContain("Why we could not cancel");
        page.Text.ShouldContain("The parcel was handed to the courier this morning.");
        page.Text.ShouldContain("Please hurry");
        var steps = page.Document.QuerySelectorAll("ol.timeline li").Select(li => li.TextContent).ToList();
        steps.Count.ShouldBe(2);
        steps[0].ShouldBe($"{EmailTemplates.Stamp(requested.RequestedAt)}: Cancellation requested (now: cancellation requested)");
        steps[1].ShouldBe($"{EmailTemplates.Stamp(rejected.ClosedAt!.Value)}: Rejected (now: cancellation rejected)");
        page.HasButton("Withdraw cancellation request").ShouldBeFalse();
    }

    [Fact]
    public async Task AnAcceptedRequestIsInProgressAndSaysWhatHappensNext()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(requested.Id);

        var page = await OpenOrderAsync(order.Number);

        page.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation in progress");
        page.Document.QuerySelector("[data-testid=next-step]")!.TextContent.ShouldContain("We are working out your refund and email you when it has been issued.");
        page.Document.QuerySelectorAll("ol.timeline li").Length.ShouldBe(2);
        page.HasButton("Withdraw cancellation request").ShouldBeFalse();
        page.HasButton("Request cancellation").ShouldBeFalse();
    }

    [Fact]
    public async Task ADecidedRefundIsShownWithoutTheStaffNotes()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(requested.Id);
        await App.DecideAsync(order.Number, new DecisionInput(
            DecisionReason.CustomerRequest, "Asked by phone", RefundMethod.OriginalPayment, 47.00m, "Shipping already paid to the courier", RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: "Internal: regular customer"));

        var page = await OpenOrderAsync(order.Number);

        page.Document.QuerySelector("[data-testid=next-step]")!.TextContent.ShouldContain("We refund EUR 47.00 by original card payment and email you when the refund has been issued.");
        page.Document.QuerySelectorAll("ol.timeline li").Select(li => li.TextContent).Last().ShouldEndWith("Accepted (now: cancellation in progress)");
        page.Text.ShouldNotContain("Decision recorded");
        page.Text.ShouldNotContain("Internal: regular customer");
        page.Text.ShouldNotContain("Asked by phone");
    }

    [Fact]
    public async Task ACompletedCancellationShowsOnlyTheStepsThatChangedItsStatus()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(requested.Id);
        await App.DecideAsync(order.Number, new DecisionInput(
            DecisionReason.CustomerRequest, null, null, null, "Nothing was charged yet", RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: null, RefundNothing: true));
        await App.CancelAsync(order.Number);

        var page = await OpenOrderAsync(order.Number);

        Steps(page).ShouldBe(["Cancellation requested (now: cancellation requested)", "Accepted (now: cancellation in progress)", "Canceled (now: canceled)"]);
        page.Text.ShouldNotContain("Decision recorded");
        page.Text.ShouldNotContain("Credit note issued");
    }

    [Fact]
    public async Task MoneyThatWentBackIsShownButNotTheBackOfficeSteps()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await App.RequestAsShopperAsync(Shopper, order);
        await App.AcceptAsync(requested.Id);
        await App.DecideAsync(order.Number, new DecisionInput(
            DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, order.AmountPaid, null, RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: null));
        await App.RefundAsync(order.Number, RefundMethod.StoreCredit, order.AmountPaid);

        var page = await OpenOrderAsync(order.Number);

        // The refund that settles the request completes it in the same instant: the refund still comes first.
        Steps(page).ShouldBe([
            "Cancellation requested (now: cancellation requested)",
            "Accepted (now: cancellation in progress)",
            "Refund issued (now: cancellation in progress)",
            "Canceled (now: canceled)",
        ]);
        page.Text.ShouldNotContain("Decision recorded");
        page.Text.ShouldNotContain("Credit note issued");
    }

    /// <summary>The history steps without their dates.</summary>
    private static List<string> Steps(WebPage page) =>
        page.Document.QuerySelectorAll("ol.timeline li")
            .Select(li => li.TextContent[(li.QuerySelector("time")!.TextContent.Length + ": ".Length)..])
            .ToList();
}

public sealed class FollowingARequestOnSqlite() : FollowingARequest(Provider.Sqlite);

public sealed class FollowingARequestOnPostgres() : FollowingARequest(Provider.Postgres);
