using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.BackOffice.Tests;

public abstract class TheOrdersPage(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task TheTopBarFindsAnOrderByNumberEmailTrackingNumberOrShopperName()
    {
        var email = $"o{Guid.NewGuid():N}@test.example";
        var tracking = $"TRK{Guid.NewGuid():N}"[..20];
        var surname = UniqueSurname();
        var seeded = await App.SeedAsync(withRequest: false, trackingNumber: tracking, email: email, name: $"Robin {surname}");
        var client = await StaffAsync();
        var search = (await client.GetPageAsync("/Requests")).Document.QuerySelector("header form[role=search]")!;
        search.GetAttribute("action").ShouldBe("/Orders");

        foreach (var term in new[] { seeded.Number, email, tracking, $"Robin {surname}", surname[2..10].ToUpperInvariant() })
        {
            var found = await client.GetPageAsync($"/Orders?{search.QuerySelector("input")!.GetAttribute("name")}={Uri.EscapeDataString(term)}");
            found.Document.QuerySelectorAll("[data-testid=orders] tbody tr").Length.ShouldBe(1, term);
            found.Document.QuerySelector($"a[href='/Orders/{seeded.Number}']")!.TextContent.ShouldBe($"Order {seeded.Number}", term);
        }

        (await client.GetPageAsync("/Orders?q=nothing-matches")).Text.ShouldContain("No orders match.");
    }

    [Fact]
    public async Task BrowsingListsEveryOrderNewestFirstOnePageAtATime()
    {
        var surname = UniqueSurname();
        var seeded = new List<Seeded>();
        for (var i = 0; i < 27; i++)
        {
            seeded.Add(await App.SeedAsync(withRequest: i % 2 == 0, name: $"Pat {surname}"));
        }

        var client = await StaffAsync();
        var first = await client.GetPageAsync($"/Orders?q={surname}");
        var next = first.Document.QuerySelectorAll("nav[aria-label=Pages] a").Single(a => a.TextContent == "Next page");
        var second = await client.GetPageAsync(next.GetAttribute("href")!);

        var rows = first.Document.QuerySelectorAll("[data-testid=orders] tbody tr").Concat(second.Document.QuerySelectorAll("[data-testid=orders] tbody tr")).ToList();
        first.Document.QuerySelectorAll("[data-testid=orders] tbody tr").Length.ShouldBe(25);
        rows.Select(r => r.QuerySelector("a")!.TextContent).ShouldBe(seeded.Select(s => $"Order {s.Number}"), ignoreOrder: true);
        rows.Select(r => DateTimeOffset.Parse(r.QuerySelector("time")!.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBeInOrder(SortDirection.Descending);
        rows.Count(r => r.TextContent.Contains("None", StringComparison.Ordinal)).ShouldBe(13);
        second.Document.QuerySelectorAll("nav[aria-label=Pages] a").Select(a => a.TextContent).ShouldBe(["First page"]);

        // Without a term the whole store is listed, orders nobody asked to cancel among them.
        (await client.GetPageAsync("/Orders")).Document.QuerySelectorAll("[data-testid=orders] tbody tr").Length.ShouldBe(25);
        (await client.GetPageAsync("/Orders?after=garbage")).Status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task StaffOpenAnOrderNobodyAskedToCancelAndCancelItFromThere()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var client = await StaffAsync();
        var list = await client.GetPageAsync($"/Orders?q={seeded.Number}");

        var order = await client.GetPageAsync(list.Document.QuerySelector("[data-testid=orders] tbody a")!.GetAttribute("href")!);
        order.Document.QuerySelector("h1")!.TextContent.ShouldBe($"Order {seeded.Number}");
        order.Text.ShouldContain("Nobody has asked to cancel this order.");
        order.Text.ShouldContain("EUR 65.00");
        var cancel = order.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Cancel this order");
        var form = await client.GetPageAsync(cancel.GetAttribute("href")!);
        var done = await client.FollowAsync(await client.SubmitConfirmedAsync(form.Form(), new()
        {
            ["Input.Reason"] = nameof(DecisionReason.OutOfStock),
            ["Input.Method"] = "StoreCredit",
        }));

        done.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
        var after = await client.GetPageAsync($"/Orders/{seeded.Number}");
        after.Document.QuerySelectorAll("a").Any(a => a.TextContent == "Cancel this order").ShouldBeFalse();
        after.Document.QuerySelector($"[data-testid=requests] a[href='{done.Document.Url.Replace("http://localhost", "", StringComparison.Ordinal)}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnOrderWithAnOpenRequestLeadsToTheRequestNotToASecondCancellation()
    {
        var seeded = await App.SeedAsync(fulfillment: FulfillmentStatus.Unfulfilled);
        var client = await StaffAsync();

        var order = await client.GetPageAsync($"/Orders/{seeded.Number}");

        order.Document.QuerySelectorAll("a").Any(a => a.TextContent == "Cancel this order").ShouldBeFalse();
        order.Document.QuerySelector($"[data-testid=requests] a[href='{seeded.Url}']")!.ParentElement!.TextContent.ShouldContain("Cancellation requested");
        (await client.GetPageAsync("/Orders/no-such-order")).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    private static string UniqueSurname() =>
        string.Concat(Guid.NewGuid().ToString("N").Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}

[Collection(SqliteCollection.Name)]
public sealed class TheOrdersPageOnSqlite(SqliteBackOffice app) : TheOrdersPage(app);

[Collection(PostgresCollection.Name)]
public sealed class TheOrdersPageOnPostgres(PostgresBackOffice app) : TheOrdersPage(app);
