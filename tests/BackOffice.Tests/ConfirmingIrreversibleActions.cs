using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class ConfirmingIrreversibleActions(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task CompletingFirstStatesTheAmountTheMethodAndWhatHappensAndChangesNothingUntilConfirmed()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await AcceptAsync(client, seeded);

        var confirm = await Html.ReadAsync(await client.SubmitAsync(page.Form("Complete"), Decision("StoreCredit")));

        confirm.Status.ShouldBe(HttpStatusCode.OK);
        confirm.ConfirmationText.ShouldBe(
            $"You are about to refund EUR 65.00 as store credit and cancel order {seeded.Number}. The items go back in stock. The shopper is emailed. This cannot be undone.");
        confirm.Confirmation!.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.Decision.ShouldBeNull();

        var done = await client.FollowAsync(await client.SubmitAsync(confirm.Confirmation, new() { ["Confirmed"] = "true" }));

        done.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Amount.ShouldBe(65m);
    }

    [Fact]
    public async Task IssuingARefundLaterIsConfirmedWithItsAmountAndMethod()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", refundNow: false)));

        var confirm = await Html.ReadAsync(await client.SubmitAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "BankTransfer", ["Input.RefundAmount"] = "65,00" }));

        confirm.ConfirmationText.ShouldBe($"You are about to refund EUR 65.00 by bank transfer for order {seeded.Number}. This cannot be undone.");
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RejectingIsConfirmedWithTheReasonTheShopperWillRead()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        var confirm = await Html.ReadAsync(await client.SubmitAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = "Already with the courier." }));

        confirm.ConfirmationText.ShouldBe($"You are about to reject the cancellation of order {seeded.Number}. The shopper is emailed this reason: “Already with the courier.”. This cannot be undone.");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Requested);

        await client.FollowAsync(await client.SubmitAsync(confirm.Confirmation!, new() { ["Confirmed"] = "true" }));

        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Rejected);
    }

    [Fact]
    public async Task CancelingAnOrderIsConfirmedFirstAndOpensNoRequestUntilThen()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");

        var confirm = await Html.ReadAsync(await client.SubmitAsync(page.Form(), new() { ["Input.Reason"] = nameof(DecisionReason.OutOfStock), ["Input.Method"] = "StoreCredit" }));

        confirm.ConfirmationText.ShouldStartWith($"You are about to refund EUR 65.00 as store credit and cancel order {seeded.Number}.");
        await using var db = App.CreateContext();
        (await db.CancellationRequests.AnyAsync(r => r.OrderId == seeded.OrderId)).ShouldBeFalse();
    }

    [Fact]
    public async Task TheRejectReasonSitsWithTheRejectButtonAndItsErrorBesideIt()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        page.Form("Accept").QuerySelector("textarea").ShouldBeNull();
        page.Form("Reject").QuerySelector("textarea[name='Input.RejectReason']").ShouldNotBeNull();
        page.Form("Reject").QuerySelector("h3")!.TextContent.ShouldBe("Reject request");

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = "" }), HttpStatusCode.BadRequest);

        refused.Confirmation.ShouldBeNull();
        refused.Document.QuerySelector("[data-valmsg-for='Input.RejectReason']")!.TextContent.ShouldBe("Give the shopper a reason for the rejection.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConfirmingIrreversibleActionsOnSqlite(SqliteBackOffice app) : ConfirmingIrreversibleActions(app);

[Collection(PostgresCollection.Name)]
public sealed class ConfirmingIrreversibleActionsOnPostgres(PostgresBackOffice app) : ConfirmingIrreversibleActions(app);
