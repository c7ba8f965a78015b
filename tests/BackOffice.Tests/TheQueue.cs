using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Orders;
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

        var requested = await client.GetPageAsync($"/Requests?q={seeded.Number}");
        var inProgress = await client.GetPageAsync($"/Requests?q={seeded.Number}&status=InProgress");

        var tabs = requested.Document.QuerySelectorAll(".queue-tabs a").Select(a => a.TextContent.Trim()).ToList();
        tabs.ShouldBe(["Requested (0)", "In progress (1)", "Awaiting repayment (0)", "Canceled (0)", "Rejected (0)", "Withdrawn (0)"]);
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
