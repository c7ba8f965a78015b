using System.Net;
using CancellationPortal.DemoData;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Orders;

/// <summary>The seeded demo shopper signs in with the seed password and pages through their 24 orders, 20 to a page.</summary>
public abstract class TheDemoShopper(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await PortalApp.StartAsync(provider);
        (await _app.WithServiceAsync<DemoSeeder, bool>(seeder => seeder.SeedAsync())).ShouldBeTrue();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignsInAndPagesThroughTheirOrders()
    {
        using var browser = _app.NewBrowser();
        var home = await browser.SignInAsync(DemoSeeder.DemoAccounts[0].Email, DemoSeeder.DefaultPassword);
        home.HasButton("Sign out").ShouldBeTrue();

        var first = await browser.GetAsync("/Account/Orders");

        first.Status.ShouldBe(HttpStatusCode.OK);
        first.Text.ShouldContain("page 1 of 2, 24 in all");
        var firstDates = Dates(first);
        firstDates.Count.ShouldBe(20);
        firstDates.ShouldBeInOrder(SortDirection.Descending);

        var next = first.Document.QuerySelectorAll("a").Single(a => a.TextContent == "Next page").GetAttribute("href")!;
        var second = await browser.GetAsync(next);

        var secondDates = Dates(second);
        secondDates.Count.ShouldBe(4);
        secondDates.Max().ShouldBeLessThanOrEqualTo(firstDates.Min());
        second.Document.QuerySelector("[aria-current=page]")!.TextContent.ShouldBe("Page 2");
    }

    private static List<DateTimeOffset> Dates(WebPage page) => page.Document.QuerySelectorAll("tbody time")
        .Select(t => DateTimeOffset.Parse(t.GetAttribute("datetime")!, System.Globalization.CultureInfo.InvariantCulture))
        .ToList();
}

public sealed class TheDemoShopperOnSqlite() : TheDemoShopper(Provider.Sqlite);

public sealed class TheDemoShopperOnPostgres() : TheDemoShopper(Provider.Postgres);
