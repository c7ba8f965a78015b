using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.BackOffice.Tests;

public abstract class KeepingTheWholeAmount(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ARefundOfZeroOnAPaidOrderWithoutRefundNothingIsRefusedBesideTheAmount()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var refused = await RefusedAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: "0")), HttpStatusCode.UnprocessableEntity);

        refused.Document.QuerySelector("[data-valmsg-for='Input.Decision.Amount']")!.TextContent.ShouldContain("choose “Refund nothing” and give the reason");
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.Decision.ShouldBeNull();
    }

    [Fact]
    public async Task RefundNothingWithoutAReasonIsRefusedBesideTheReason()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var values = Decision("StoreCredit");
        values["Input.Decision.RefundNothing"] = "true";

        var refused = await RefusedAsync(await CompleteAsync(client, seeded, values), HttpStatusCode.UnprocessableEntity);

        refused.Document.QuerySelector("[data-valmsg-for='Input.Decision.KeptReason']")!.TextContent.ShouldContain("Give the reason the store keeps all EUR 65.00");
        (await App.RequestAsync(seeded.RequestId)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task RefundNothingWithAReasonCancelsTheOrderAndTheAuditAndTheShoppersEmailStateTheReason()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        var values = Decision("StoreCredit", keptReason: "The engraving was already made");
        values["Input.Decision.RefundNothing"] = "true";

        await client.FollowAsync(await CompleteAsync(client, seeded, values));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Decision!.RefundAmount.ShouldBe(0m);
        request.Decision.RefundMethod.ShouldBeNull();
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
        request.AuditEntries.Single(a => a.Kind == AuditKind.DecisionRecorded).Note!.ShouldContain("refund nothing; kept: The engraving was already made");
        var email = (await App.MailsAsync(seeded.Number)).Single(m => m.Subject.EndsWith("is canceled", StringComparison.Ordinal));
        email.TextBody.ShouldContain("We kept the EUR 65.00 you paid: The engraving was already made");
        email.TextBody.ShouldNotContain("There was no payment to refund");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KeepingTheWholeAmountOnSqlite(SqliteBackOffice app) : KeepingTheWholeAmount(app);

[Collection(PostgresCollection.Name)]
public sealed class KeepingTheWholeAmountOnPostgres(PostgresBackOffice app) : KeepingTheWholeAmount(app);
