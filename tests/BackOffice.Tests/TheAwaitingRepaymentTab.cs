using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The queue's Awaiting repayment tab shows what each shopper still owes and how long the undo has waited.</summary>
public abstract class TheAwaitingRepaymentTab(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ShowsTheAmountDueAndTheAgeOfTheUndoAndFlagsItOverdueAfterTheStoresDays()
    {
        var seeded = await App.SeedAsync(email: $"due-{Guid.NewGuid():N}@test.example");
        var staff = Actor.Staff("s", "Sue Support");
        var undoneAt = App.Clock.GetUtcNow().AddDays(-8);
        await App.ChangeRequestAsync(seeded.RequestId, r =>
        {
            r.Accept(staff, undoneAt);
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), BackOfficeApp.AllRefundMethods, staff, undoneAt).Error.ShouldBeNull();
            r.Undo(staff, "The shopper keeps the order", backorder: false, BackOfficeApp.SpentEverything, undoneAt).Error.ShouldBeNull();
            r.RecordRepayment(15m, "IN-1", staff, undoneAt).Error.ShouldBeNull();
        });
        var client = await StaffAsync();

        var row = (await client.GetPageAsync($"/Requests?status=AwaitingRepayment&q={seeded.Number}")).Document.QuerySelector("tbody tr")!;

        row.QuerySelector("[data-testid=due]")!.TextContent.ShouldBe("EUR 50.00 due");
        row.TextContent.ShouldContain("8 days");
        row.TextContent.ShouldContain("repayment overdue");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheAwaitingRepaymentTabOnSqlite(SqliteBackOffice app) : TheAwaitingRepaymentTab(app);

[Collection(PostgresCollection.Name)]
public sealed class TheAwaitingRepaymentTabOnPostgres(PostgresBackOffice app) : TheAwaitingRepaymentTab(app);
