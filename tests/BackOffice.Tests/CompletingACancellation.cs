using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class CompletingWithStoreCredit(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task StoreCreditIsCreditedAtOnceTheItemsAreRestockedAndTheInvoiceIsReversed()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit")));

        page.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
        await using var db = App.CreateContext();
        (await db.StoreCreditEntries.SingleAsync(e => e.Description.Contains(seeded.Number))).Amount.ShouldBe(65m);
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(12);
        (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(1);
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).IsCanceled.ShouldBeTrue();
        var request = await App.RequestAsync(seeded.RequestId);
        request.AuditEntries.OrderBy(a => a.Sequence).Select(a => a.Kind).ShouldBe(
            [AuditKind.Requested, AuditKind.Accepted, AuditKind.DecisionRecorded, AuditKind.StaffNote, AuditKind.RefundIssued, AuditKind.Canceled, AuditKind.CreditNoteIssued]);
        (await App.MailSubjectsAsync(seeded.Number)).ShouldContain($"{BackOfficeApp.Shopper}: Order {seeded.Number} is canceled");
    }

    [Fact]
    public async Task WithoutRestockAndNotificationTheStockStaysAndTheShopperGetsNoCancellationMail()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", restock: false, notify: false)));

        await using var db = App.CreateContext();
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(10);
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
        (await App.MailSubjectsAsync(seeded.Number)).ShouldNotContain(s => s.EndsWith("is canceled", StringComparison.Ordinal));
    }
}

public abstract class CompletingWithPoints(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task PointsAreTheAmountTimesThePointsRateAndAddedAtOnce()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("Points")));

        await using var db = App.CreateContext();
        (await db.PointsEntries.SingleAsync(e => e.Description.Contains(seeded.Number))).Points.ShouldBe(6500);
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task AnOrderInAnotherCurrencyThanThePointsCannotBeRefundedInPoints()
    {
        var seeded = await App.SeedAsync(currency: "JPY");
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var response = await CompleteAsync(client, seeded, Decision("Points"));

        ((int)response.StatusCode).ShouldBeInRange(400, 499);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Points are valued in EUR, so this JPY order cannot be refunded in points.");
        await using var db = App.CreateContext();
        (await db.PointsEntries.CountAsync(e => e.Description.Contains(seeded.Number))).ShouldBe(0);
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.Decision.ShouldBeNull();
    }
}

public abstract class RefundingByBankTransfer(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task TheRequestStaysInProgressUntilStaffRecordTheTransferReference()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("BankTransfer")));

        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.InProgress);
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Pending);

        var done = await client.FollowAsync(await client.SubmitAsync(page.Form("RecordTransfer"), new() { ["Input.TransferReference"] = "SEPA-2026-0042" }));

        done.Text.ShouldContain("Bank transfer recorded.");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().ProviderReference.ShouldBe("SEPA-2026-0042");
    }

    [Fact]
    public async Task RecordingATransferWithoutAReferenceIsRefusedAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("BankTransfer")));
        var before = await App.RequestAsync(seeded.RequestId);

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form("RecordTransfer"), new() { ["Input.TransferReference"] = "" }), HttpStatusCode.BadRequest);

        refused.Alert.ShouldContain("Enter the bank transfer reference.");
        (await App.RequestAsync(seeded.RequestId)).Version.ShouldBe(before.Version);
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task ACanceledTransferFlagsTheRequestAndAnotherMethodThenCancelsTheOrder()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("BankTransfer")));

        page = await client.FollowAsync(await client.SubmitAsync(page.Form("CancelTransfer")));

        page.Text.ShouldContain("Bank transfer canceled.");
        page.Text.ShouldContain("Retry refund");
        page.HasForm("RecordTransfer").ShouldBeFalse();
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.HasFailedRefund.ShouldBeTrue();
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.BankTransferCanceled && a.ActorName == BackOfficeApp.Support);
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Canceled);

        await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "StoreCredit", ["Input.RefundAmount"] = "65" }));

        request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.HasFailedRefund.ShouldBeFalse();
        (await App.RefundsAsync(seeded.RequestId)).Select(r => r.Status).ShouldBe([RefundStatus.Canceled, RefundStatus.Succeeded], ignoreOrder: true);
    }

    [Fact]
    public async Task CancelingATransferFromAnOutdatedPageIsRefusedAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var stale = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("BankTransfer")));
        await client.FollowAsync(await client.SubmitAsync(stale.Form("RecordTransfer"), new() { ["Input.TransferReference"] = "SEPA-2026-0043" }));

        var refused = await RefusedAsync(await client.SubmitAsync(stale.Form("CancelTransfer")), HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("This request was changed by");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Succeeded);
    }
}

public abstract class PartialAndLaterRefunds(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task APartialRefundWithoutAReasonForWhatIsKeptIsRefused()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var refused = await RefusedAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "40")), HttpStatusCode.UnprocessableEntity);

        refused.Alert.ShouldContain("A partial refund needs a reason");
        (await App.RequestAsync(seeded.RequestId)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task APartialRefundWithAReasonCancelsOnceThePartIsRefunded()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "40", keptReason: "Restocking fee and shipping")));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Decision!.KeptReason.ShouldBe("Restocking fee and shipping");
        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Amount.ShouldBe(40m);
    }

    [Fact]
    public async Task ARefundLeftForLaterKeepsTheRequestInProgressUntilItIsIssued()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", refundNow: false)));
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.InProgress);
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();

        await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "StoreCredit", ["Input.RefundAmount"] = "65" }));

        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task IssuingMoreThanIsLeftToRefundIsRefusedAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var page = await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", refundNow: false)));

        var refused = await RefusedAsync(
            await client.SubmitConfirmedAsync(page.Form("IssueRefund"), new() { ["Input.RefundMethod"] = "StoreCredit", ["Input.RefundAmount"] = "65.01" }),
            HttpStatusCode.UnprocessableEntity);

        refused.Alert.ShouldContain("more than what is left to refund");
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CompletingWithStoreCreditOnSqlite(SqliteBackOffice app) : CompletingWithStoreCredit(app);

[Collection(PostgresCollection.Name)]
public sealed class CompletingWithStoreCreditOnPostgres(PostgresBackOffice app) : CompletingWithStoreCredit(app);

[Collection(SqliteCollection.Name)]
public sealed class CompletingWithPointsOnSqlite(SqliteBackOffice app) : CompletingWithPoints(app);

[Collection(PostgresCollection.Name)]
public sealed class CompletingWithPointsOnPostgres(PostgresBackOffice app) : CompletingWithPoints(app);

[Collection(SqliteCollection.Name)]
public sealed class RefundingByBankTransferOnSqlite(SqliteBackOffice app) : RefundingByBankTransfer(app);

[Collection(PostgresCollection.Name)]
public sealed class RefundingByBankTransferOnPostgres(PostgresBackOffice app) : RefundingByBankTransfer(app);

[Collection(SqliteCollection.Name)]
public sealed class PartialAndLaterRefundsOnSqlite(SqliteBackOffice app) : PartialAndLaterRefunds(app);

[Collection(PostgresCollection.Name)]
public sealed class PartialAndLaterRefundsOnPostgres(PostgresBackOffice app) : PartialAndLaterRefunds(app);
