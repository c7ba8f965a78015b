using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class TheQueue(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task SearchFindsARequestByOrderNumberShopperEmailOrTrackingNumber()
    {
        var email = $"q{Guid.NewGuid():N}@test.example";
        var tracking = $"TRK{Guid.NewGuid():N}"[..20];
        var seeded = await App.SeedAsync(trackingNumber: tracking, email: email, fulfillment: FulfillmentStatus.Unfulfilled);
        var client = await StaffAsync();

        foreach (var term in new[] { seeded.Number, email, email.ToUpperInvariant(), tracking })
        {
            var page = await client.GetPageAsync($"/Requests?q={Uri.EscapeDataString(term)}");
            page.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1, term);
            page.Document.QuerySelector($"a[href='{seeded.Url}']").ShouldNotBeNull(term);
        }

        (await client.GetPageAsync("/Requests?q=nothing-matches")).Text.ShouldContain("No requests match.");
    }

    [Fact]
    public async Task ARowShowsAmountReasonAgeAssigneeAndItsFlags()
    {
        var seeded = await App.SeedAsync(requestedAt: App.Clock.GetUtcNow().AddHours(-72));
        await using (var db = App.CreateContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).SetDisputed(true);
            await db.SaveChangesAsync();
        }

        var client = await StaffAsync();
        var row = (await client.GetPageAsync($"/Requests?q={seeded.Number}")).Document.QuerySelector("tbody tr")!.TextContent;

        row.ShouldContain($"Order {seeded.Number}");
        row.ShouldContain("Sam Shopper");
        row.ShouldContain("EUR 65.00");
        row.ShouldContain("Changed my mind");
        row.ShouldContain("3 days");
        row.ShouldContain("overdue");
        row.ShouldContain("Unassigned");
        row.ShouldContain("Disputed");
    }

    [Fact]
    public async Task AFreshRequestIsNotOverdue()
    {
        var seeded = await App.SeedAsync(requestedAt: App.Clock.GetUtcNow().AddHours(-2));
        var client = await StaffAsync();

        var row = (await client.GetPageAsync($"/Requests?q={seeded.Number}")).Document.QuerySelector("tbody tr")!.TextContent;

        row.ShouldContain("2 h");
        row.ShouldNotContain("overdue");
    }

    [Fact]
    public async Task TabsCountRequestsPerStatusAndShowOneStatusAtATime()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var requested = await client.GetPageAsync($"/Requests?q={seeded.Number}&status=Requested");
        var inProgress = await client.GetPageAsync($"/Requests?q={seeded.Number}&status=InProgress");

        var tabs = requested.Document.QuerySelectorAll(".queue-tabs a").Select(a => a.TextContent.Trim()).ToList();
        tabs.ShouldBe(["All statuses (1)", "Requested (0)", "In progress (1)", "Awaiting repayment (0)", "Canceled (0)", "Rejected (0)", "Withdrawn (0)"]);
        requested.Text.ShouldContain("No requests match.");
        inProgress.Document.QuerySelector($"a[href='{seeded.Url}']").ShouldNotBeNull();
        inProgress.Text.ShouldContain(BackOfficeApp.Support);
    }

    [Fact]
    public async Task FiltersBySourceAgeAndAssignee()
    {
        var seeded = await App.SeedAsync(requestedAt: App.Clock.GetUtcNow().AddHours(-30));
        var sue = await StaffAsync();
        var otto = await App.SignInAsync(BackOfficeApp.OtherSupport);
        await AcceptAsync(sue, seeded);
        var url = $"/Requests?q={seeded.Number}&status=InProgress";

        async Task<int> RowsAsync(HttpClient client, string filter) => (await client.GetPageAsync(url + filter)).Document.QuerySelectorAll("tbody tr").Length;

        (await RowsAsync(sue, "&source=Shopper")).ShouldBe(1);
        (await RowsAsync(sue, "&source=Staff")).ShouldBe(0);
        (await RowsAsync(sue, "&age=Over24Hours")).ShouldBe(1);
        (await RowsAsync(sue, "&age=Under24Hours")).ShouldBe(0);
        (await RowsAsync(sue, "&mine=true")).ShouldBe(1);
        (await RowsAsync(otto, "&mine=true")).ShouldBe(0);
    }

    [Fact]
    public async Task ASearchSpansEveryStatusWithCountsAndTheTabsNarrowIt()
    {
        var email = $"q{Guid.NewGuid():N}@test.example";
        var accepted = await App.SeedAsync(email: email);
        var rejected = await App.SeedAsync(email: email);
        var client = await StaffAsync();
        await AcceptAsync(client, accepted);
        await App.ChangeRequestAsync(rejected.RequestId, r => r.Reject(Domain.Common.Actor.Staff("s", "Sue Support"), "Already packed", App.Clock.GetUtcNow()));

        var all = await client.GetPageAsync($"/Requests?q={email}");

        var tabs = all.Document.QuerySelectorAll(".queue-tabs a").Select(a => a.TextContent.Trim()).ToList();
        tabs.ShouldBe(["All statuses (2)", "Requested (0)", "In progress (1)", "Awaiting repayment (0)", "Canceled (0)", "Rejected (1)", "Withdrawn (0)"]);
        all.Document.QuerySelector(".queue-tabs a[aria-current=page]")!.TextContent.ShouldStartWith("All statuses");
        var rows = all.Document.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(2);
        rows.ShouldContain(r => r.Contains($"Order {accepted.Number}") && r.Contains("In progress"));
        rows.ShouldContain(r => r.Contains($"Order {rejected.Number}") && r.Contains("Rejected"));

        var rejectedTab = all.Document.QuerySelectorAll(".queue-tabs a").Single(a => a.TextContent.StartsWith("Rejected", StringComparison.Ordinal));
        var narrowed = await client.GetPageAsync(rejectedTab.GetAttribute("href")!);
        narrowed.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        narrowed.Document.QuerySelector($"a[href='{rejected.Url}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task SearchFindsARequestByAnyPartOfTheShoppersNameInAnyCase()
    {
        var surname = string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
        var seeded = await App.SeedAsync(name: $"Robin {surname}");
        var client = await StaffAsync();

        foreach (var term in new[] { $"Robin {surname}", surname.ToUpperInvariant(), surname[3..12] })
        {
            var page = await client.GetPageAsync($"/Requests?q={Uri.EscapeDataString(term)}");
            page.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1, term);
            page.Document.QuerySelector($"a[href='{seeded.Url}']").ShouldNotBeNull(term);
        }
    }

    [Fact]
    public async Task ClosedRequestsAreNeverOverdue()
    {
        var email = $"q{Guid.NewGuid():N}@test.example";
        var staff = Domain.Common.Actor.Staff("s", "Sue Support");
        var longAgo = App.Clock.GetUtcNow().AddDays(-33);
        var open = await App.SeedAsync(email: email, requestedAt: longAgo);
        var rejected = await App.SeedAsync(email: email, requestedAt: longAgo);
        var withdrawn = await App.SeedAsync(email: email, requestedAt: longAgo);
        var canceled = await App.SeedAsync(email: email, requestedAt: longAgo);
        var now = App.Clock.GetUtcNow();
        await App.ChangeRequestAsync(rejected.RequestId, r => r.Reject(staff, "Already packed", now));
        await App.ChangeRequestAsync(withdrawn.RequestId, r => r.Withdraw(Domain.Common.Actor.Shopper(App.ShopperId, "Sam Shopper"), now));
        await App.ChangeRequestAsync(canceled.RequestId, r =>
        {
            r.Accept(staff, now);
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), BackOfficeApp.AllRefundMethods, staff, now).Error.ShouldBeNull();
        });
        var client = await StaffAsync();

        var rows = (await client.GetPageAsync($"/Requests?q={email}")).Document.QuerySelectorAll("tbody tr").ToList();

        rows.Count.ShouldBe(4);
        rows.Single(r => r.TextContent.Contains($"Order {open.Number}", StringComparison.Ordinal)).TextContent.ShouldContain("overdue");
        rows.Where(r => !r.TextContent.Contains($"Order {open.Number}", StringComparison.Ordinal)).ShouldAllBe(r => r.TextContent.Contains("33 days") && !r.TextContent.Contains("overdue"));
        (await client.GetPageAsync($"/Requests?q={email}&age=Overdue")).Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task FlagsNameAFailedRefundADisputeAnAwaitedRepaymentAndADropShipOrder()
    {
        var seeded = await App.SeedAsync(supplier: SupplierOrderStatus.Placed);
        var plain = await App.SeedAsync();
        var staff = Domain.Common.Actor.Staff("s", "Sue Support");
        var now = App.Clock.GetUtcNow();
        await App.ChangeRequestAsync(seeded.RequestId, r =>
        {
            // Part goes back in store credit, the bank transfer of the rest is withdrawn (a failed refund), then the
            // shopper keeps the order after all, having spent the credit.
            r.Accept(staff, now);
            r.MarkCanceledWithSupplier(staff, now).IsSuccess.ShouldBeTrue();
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.BankTransfer) with { RefundNow = false }, BackOfficeApp.AllRefundMethods, staff, now).IsSuccess.ShouldBeTrue();
            r.IssueRefund(RefundMethod.StoreCredit, 10m, BackOfficeApp.AllRefundMethods, staff, now).IsSuccess.ShouldBeTrue();
            var transfer = r.IssueRefund(RefundMethod.BankTransfer, r.Remaining.Amount, BackOfficeApp.AllRefundMethods, staff, now).Value.ShouldNotBeNull();
            r.CancelBankTransfer(transfer.Id, staff, now).IsSuccess.ShouldBeTrue();
            r.Undo(staff, "The shopper keeps the order", backorder: false, BackOfficeApp.SpentEverything, now).IsSuccess.ShouldBeTrue();
            r.Order.SetDisputed(true);
        });
        var client = await StaffAsync();

        var flags = (await client.GetPageAsync($"/Requests?q={seeded.Number}")).Document.QuerySelectorAll("tbody tr .flag").Select(p => p.TextContent.Trim());
        var none = (await client.GetPageAsync($"/Requests?q={plain.Number}")).Document.QuerySelectorAll("tbody tr .flag");

        flags.ShouldBe(["Refund failed", "Disputed", "Awaiting repayment", "Drop-ship"]);
        none.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMalformedPageCursorIsABadRequest()
    {
        var client = await StaffAsync();

        (await client.GetPageAsync("/Requests?after=garbage")).Status.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetPageAsync("/Requests?status=Bogus")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheQueueOnSqlite(SqliteBackOffice app) : TheQueue(app);

[Collection(PostgresCollection.Name)]
public sealed class TheQueueOnPostgres(PostgresBackOffice app) : TheQueue(app);
