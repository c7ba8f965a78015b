using System.Net;
using AngleSharp.Html.Dom;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

public abstract class CardRefunds(BackOfficeApp app) : PageTest(app), IDisposable
{
    public void Dispose()
    {
        App.Gateway.Reset();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task WithoutAGatewayTheCardMethodIsShownDisabledWithAnExplanationAndRefused()
    {
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        var page = await AcceptAsync(client, seeded);

        var card = page.Document.QuerySelectorAll("input[type=radio]").OfType<IHtmlInputElement>().Single(i => i.Value == "OriginalPayment");
        card.IsDisabled.ShouldBeTrue();
        page.Document.GetElementById(card.GetAttribute("aria-describedby")!)!.TextContent.ShouldContain("no payment gateway is configured");

        var refused = await RefusedAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")), HttpStatusCode.Conflict);
        refused.Alert.ShouldContain("Card refunds are not available");
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task TheRefundRowIsCommittedPendingBeforeTheGatewayIsCalledAndTheRequestCancelsWhenItSucceeds()
    {
        App.Gateway.IsAvailable = true;
        RefundStatus? seenByGateway = null;
        App.Gateway.OnRefund = async call =>
        {
            await using var db = App.CreateContext();
            seenByGateway = (await db.Refunds.SingleOrDefaultAsync(r => r.Id == call.IdempotencyKey))?.Status;
        };
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));

        seenByGateway.ShouldBe(RefundStatus.Pending);
        var call = App.Gateway.Calls.ShouldHaveSingleItem();
        call.PaymentReference.ShouldBe($"pi_{seeded.Number}");
        call.Amount.Amount.ShouldBe(65m);
        call.OrderNumber.ShouldBe(seeded.Number);
        var refund = (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem();
        refund.Id.ShouldBe(call.IdempotencyKey);
        refund.Status.ShouldBe(RefundStatus.Succeeded);
        refund.ProviderReference.ShouldBe("re_test");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task APendingCardRefundKeepsTheRequestInProgressWithTheProviderId()
    {
        App.Gateway.IsAvailable = true;
        App.Gateway.NextOutcome = GatewayRefundResult.Pending("re_pending");
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));

        var refund = (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem();
        refund.Status.ShouldBe(RefundStatus.Pending);
        refund.ProviderReference.ShouldBe("re_pending");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.InProgress);
    }

    [Fact]
    public async Task AnUnknownOutcomeLeavesTheRefundPendingUnderItsKeyForReconciliation()
    {
        App.Gateway.IsAvailable = true;
        App.Gateway.NextOutcome = GatewayRefundResult.Unknown("Stripe did not answer in time.");
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));

        var refund = (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem();
        refund.Status.ShouldBe(RefundStatus.Pending);
        refund.ProviderReference.ShouldBeNull();
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.HasFailedRefund.ShouldBeFalse();
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.CardRefundOutcomeUnknown && a.Note == "Stripe did not answer in time.");
    }

    [Fact]
    public async Task AFailedCardRefundFlagsTheRequestAndMailsSupport()
    {
        App.Gateway.IsAvailable = true;
        App.Gateway.NextOutcome = GatewayRefundResult.Failure("Charge expired for refund");
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));

        page.Text.ShouldContain("Refund failed");
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.HasFailedRefund.ShouldBeTrue();
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().FailureReason.ShouldBe("Charge expired for refund");
        (await App.MailSubjectsAsync(seeded.Number)).ShouldContain($"support@example.com: Card refund failed for order {seeded.Number}");

        // Another method settles it; the flag goes with the failure.
        await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "StoreCredit", ["Input.RefundAmount"] = "65" }));
        request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.HasFailedRefund.ShouldBeFalse();
    }

    [Fact]
    public async Task AFailedCardRefundCanBeRetriedOnTheCardUnderANewKey()
    {
        App.Gateway.IsAvailable = true;
        App.Gateway.NextOutcome = GatewayRefundResult.Failure("Stripe is not answering");
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));
        page.Text.ShouldContain("Retry it, or choose another method.");

        App.Gateway.NextOutcome = GatewayRefundResult.Success("re_retry");
        page = await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "OriginalPayment", ["Input.RefundAmount"] = "65" }));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.HasFailedRefund.ShouldBeFalse();
        var refunds = await App.RefundsAsync(seeded.RequestId);
        refunds.Select(r => r.Status).ShouldBe([RefundStatus.Failed, RefundStatus.Succeeded], ignoreOrder: true);
        refunds.Select(r => r.Id).Distinct().Count().ShouldBe(2);
        page.Text.ShouldNotContain("Retry refund");
    }

    [Fact]
    public async Task ADisputedOrderGetsNoRefundWithAnExplanation()
    {
        App.Gateway.IsAvailable = true;
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        await using (var db = App.CreateContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).SetDisputed(true);
            await db.SaveChangesAsync();
        }

        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var refused = await RefusedAsync(await CompleteAsync(client, seeded, Decision("StoreCredit")), HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("disputed this payment");
        App.Gateway.Calls.ShouldBeEmpty();
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ACardRefundStripeFailsAfterItSucceededIsShownOnTheRequestPage()
    {
        App.Gateway.IsAvailable = true;
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("OriginalPayment")));

        // What a later refund.updated webhook with status failed applies.
        using (var scope = App.Services.CreateScope())
        {
            var request = (await scope.ServiceProvider.GetRequiredService<CancellationService>().LoadAsync(seeded.RequestId, CancellationToken.None))!;
            var refund = request.Refunds.Single();
            request.SettleRefund(refund.Id, GatewayRefundResult.Failure("The card was closed."), Domain.Common.Actor.System, App.Clock.GetUtcNow()).ShouldBeTrue();
            await scope.ServiceProvider.GetRequiredService<Domain.Persistence.UnitOfWork>().SaveAsync(CancellationToken.None);
        }

        var page = await client.GetPageAsync(seeded.Url);

        page.Document.QuerySelector("[data-testid=reversed-flag]")!.TextContent.ShouldBe("Refund reversed by Stripe");
        page.Document.QuerySelector("[data-testid=reversed-notice]")!.TextContent.ShouldContain("did not reach the shopper");
        page.Text.ShouldContain("The card was closed.");
        (await App.RequestAsync(seeded.RequestId)).AuditEntries.ShouldContain(a => a.Kind == AuditKind.RefundReversed);
    }

    [Fact]
    public async Task ACardRefundIsConfirmedWithItsAmountAndGoingBackKeepsTheFilledFormAndChangesNothing()
    {
        App.Gateway.IsAvailable = true;
        var seeded = await App.SeedAsync(PaymentMethod.Card);
        var client = await StaffAsync();
        var page = await AcceptAsync(client, seeded);

        var confirm = await Html.ReadAsync(await client.SubmitAsync(page.Form("Complete"), Decision("OriginalPayment", amount: "54,77", keptReason: "Return shipping")));

        confirm.ConfirmationText.ShouldStartWith($"You are about to refund EUR 54.77 to the original card and cancel order {seeded.Number}. The store keeps EUR 10.23: “Return shipping”.");

        var back = await Html.ReadAsync(await client.SubmitAsync(confirm.Confirmation!, new() { ["GoBack"] = "true" }));

        back.Status.ShouldBe(HttpStatusCode.OK);
        back.Confirmation.ShouldBeNull();
        ((IHtmlInputElement)back.Form("Complete").QuerySelector("input[name='Input.Decision.Amount']")!).Value.ShouldBe("54,77");
        App.Gateway.Calls.ShouldBeEmpty();
        (await App.RequestAsync(seeded.RequestId)).Decision.ShouldBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CardRefundsOnSqlite(SqliteBackOffice app) : CardRefunds(app);

[Collection(PostgresCollection.Name)]
public sealed class CardRefundsOnPostgres(PostgresBackOffice app) : CardRefunds(app);
