using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// Staff undo a cancellation from its request: the Undo page shows everything first, a confirmation with a reason
/// undoes it, and an undo awaiting repayment takes incoming bank transfers (in parts) or is canceled.
/// </summary>
public abstract class UndoingACancellation(BackOfficeApp app) : PageTest(app)
{
    private static readonly Actor Staff = Actor.Staff("s", "Sue Support");

    [Fact]
    public async Task TheUndoPageShowsWhatWillHappenAndChangesNothing()
    {
        var seeded = await CanceledAsync(RefundMethod.StoreCredit);
        var client = await StaffAsync();

        var details = await client.GetPageAsync(seeded.Url);
        var page = await client.GetPageAsync($"{seeded.Url}/Undo");

        details.Document.QuerySelectorAll("a").ShouldContain(a => a.TextContent.Contains("Undo cancellation", StringComparison.Ordinal) && a.GetAttribute("href") == $"{seeded.Url}/Undo");
        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-testid=undo-lines]")!.TextContent.ShouldContain("Taken back from the shopper's balance");
        page.Document.QuerySelector("[data-testid=undo-due]")!.TextContent.ShouldContain("Nothing is due");
        page.Document.QuerySelector("[data-testid=invoice]")!.TextContent.ShouldStartWith("A new invoice answers credit note CN-");
        page.Document.QuerySelector("[data-testid=stock-" + seeded.Sku + "]")!.TextContent.ShouldBe("12");
        page.Document.QuerySelector("[data-testid=email-preview]")!.TextContent.ShouldContain("your order is active again");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task ConfirmingAStoreCreditUndoMakesTheOrderActiveAgainWithItsStockInvoiceAndEmail()
    {
        var seeded = await CanceledAsync(RefundMethod.StoreCredit);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"{seeded.Url}/Undo");

        var details = await client.FollowAsync(await client.SubmitAsync(page.Form(), new() { ["Input.Reason"] = "The shopper called: keep it." }));

        details.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Cancellation undone");
        details.Text.ShouldContain("Cancellation undone: the order is active again.");
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).IsCanceled.ShouldBeFalse();
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(10);
        (await db.StoreCreditEntries.Where(e => e.Description.Contains(seeded.Number)).SumAsync(e => e.Amount)).ShouldBe(0m, "the refund is taken back");
        var creditNote = await db.CreditNotes.SingleAsync(c => c.RequestId == seeded.RequestId);
        (await db.Invoices.SingleAsync(i => i.CreditNoteId == creditNote.Id)).Amount.ShouldBe(creditNote.Amount);
        (await App.MailSubjectsAsync(seeded.Number)).ShouldContain($"{BackOfficeApp.Shopper}: Order {seeded.Number} is active again");
    }

    [Fact]
    public async Task AnUndoWithoutAReasonIsRefusedBesideTheField()
    {
        var seeded = await CanceledAsync(RefundMethod.StoreCredit);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"{seeded.Url}/Undo");

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form(), new() { ["Input.Reason"] = " " }), HttpStatusCode.BadRequest);

        refused.Document.QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent.ShouldBe("Give a reason for undoing the cancellation.");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task ARequestThatCannotBeUndoneAnswersConflictWithTheReason()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"{seeded.Url}/Undo");

        page.Status.ShouldBe(HttpStatusCode.Conflict);
        page.Document.QuerySelector("[data-testid=undo-refused]")!.TextContent.ShouldBe("A request with status “Cancellation requested” cannot be undone.");
        page.Document.Forms.Where(f => f.Method == "post").ShouldAllBe(f => f.Action.Contains("Logout", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnUndoFromAStalePageIsRefusedNamingWhoChangedTheRequest()
    {
        var seeded = await CanceledAsync(RefundMethod.StoreCredit);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"{seeded.Url}/Undo");
        await App.ChangeRequestAsync(seeded.RequestId, r => r.Note(Actor.Staff("m", "Max Manager"), App.Clock.GetUtcNow(), AuditKind.StaffNote, "Called the shopper"));

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form(), new() { ["Input.Reason"] = "Keep it." }), HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("changed by Max Manager");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task ABankTransferRepaidInTwoPartsCompletesTheUndo()
    {
        var seeded = await AwaitingBankRepaymentAsync();
        var client = await StaffAsync();

        var waiting = await client.GetPageAsync(seeded.Url);
        waiting.Document.QuerySelector("[data-testid=waiting-for]")!.TextContent.ShouldBe("Waiting for the shopper to repay EUR 65.00 before the order is active again.");
        var part = await client.FollowAsync(await client.SubmitAsync(waiting.Form("RecordRepayment"), new() { ["Input.RepaymentAmount"] = "40", ["Input.RepaymentReference"] = "IN-1" }));
        part.Document.QuerySelector("[data-testid=repayment-due]")!.TextContent.ShouldBe("EUR 25.00");
        part.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Undo awaiting repayment");
        var rest = await client.FollowAsync(await client.SubmitAsync(part.Form("RecordRepayment"), new() { ["Input.RepaymentReference"] = "IN-2" }));

        rest.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Cancellation undone");
        rest.Document.QuerySelector("[data-testid=repayments]")!.TextContent.ShouldContain("IN-2");
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).IsCanceled.ShouldBeFalse();
    }

    [Theory]
    [InlineData("lots", "", HttpStatusCode.BadRequest, "Input.RepaymentAmount")]
    [InlineData("10", "", HttpStatusCode.BadRequest, "Input.RepaymentReference")]
    [InlineData("-5", "IN-1", HttpStatusCode.BadRequest, "Input.RepaymentAmount")]
    [InlineData("10.001", "IN-1", HttpStatusCode.BadRequest, "Input.RepaymentAmount")]
    public async Task ARepaymentThatCannotBeReadIsRefusedAndNothingIsRecorded(string amount, string reference, HttpStatusCode status, string field)
    {
        var seeded = await AwaitingBankRepaymentAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        var refused = await RefusedAsync(
            await client.SubmitAsync(page.Form("RecordRepayment"), new() { ["Input.RepaymentAmount"] = amount, ["Input.RepaymentReference"] = reference }), status);

        refused.Document.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        await using var db = App.CreateContext();
        (await db.Repayments.CountAsync(r => r.RequestId == seeded.RequestId)).ShouldBe(0);
    }

    [Fact]
    public async Task CancelingAPendingUndoKeepsTheOrderCanceled()
    {
        var seeded = await AwaitingBankRepaymentAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        var canceled = await client.FollowAsync(await client.SubmitAsync(page.Form("CancelUndo")));

        canceled.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
        canceled.Text.ShouldContain("Undo canceled: the order stays canceled.");
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).IsCanceled.ShouldBeTrue();
    }

    /// <summary>Refunded in full by one method and canceled (restocking, unless told not to), through the request itself.</summary>
    private async Task<Seeded> CanceledAsync(RefundMethod method, bool restock = true)
    {
        var seeded = await App.SeedAsync();
        var now = App.Clock.GetUtcNow();
        await App.ChangeRequestAsync(seeded.RequestId, r =>
        {
            r.Accept(Staff, now).IsSuccess.ShouldBeTrue();
            r.Decide(BackOfficeApp.RefundInFull(method) with { Restock = restock }, BackOfficeApp.AllRefundMethods, Staff, now).Error.ShouldBeNull();
        });
        return seeded;
    }

    /// <summary>Refunded by a bank transfer that was sent, then undone: the 65 is due from the shopper.</summary>
    private async Task<Seeded> AwaitingBankRepaymentAsync()
    {
        var seeded = await CanceledAsync(RefundMethod.BankTransfer, restock: false);
        var now = App.Clock.GetUtcNow();
        await App.ChangeRequestAsync(seeded.RequestId, r =>
        {
            r.RecordBankTransfer(r.Refunds[0].Id, "OUT-1", Staff, now).Error.ShouldBeNull();
            r.Undo(Staff, "The shopper keeps the order", backorder: false, BackOfficeApp.SpentEverything, now).Error.ShouldBeNull();
        });
        return seeded;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UndoingACancellationOnSqlite(SqliteBackOffice app) : UndoingACancellation(app);

[Collection(PostgresCollection.Name)]
public sealed class UndoingACancellationOnPostgres(PostgresBackOffice app) : UndoingACancellation(app);
