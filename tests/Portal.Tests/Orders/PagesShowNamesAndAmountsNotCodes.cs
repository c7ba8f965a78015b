using System.Net;
using CancellationPortal.DemoData;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Orders;

/// <summary>
/// Shoppers read names and amounts with their currency, never codes: every shopper of the demo store opens their
/// order list and every order page, which covers orders in every payment, shipment and request state.
/// </summary>
public abstract class PagesShowNamesAndAmountsNotCodes(Provider provider) : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await PortalApp.StartAsync(provider);
        (await _app.WithServiceAsync<DemoSeeder, bool>(seeder => seeder.SeedAsync())).ShouldBeTrue();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task NoPageOfTheDemoStoreShowsACodeOrAnAmountWithoutItsCurrency()
    {
        var shoppers = await _app.WithDbAsync(db => db.Orders.AsNoTracking()
            .GroupBy(o => o.CustomerEmail)
            .Select(g => new { Email = g.Key, Numbers = g.Select(o => o.Number).ToList() })
            .ToListAsync());
        var problems = new List<string>();
        foreach (var shopper in shoppers)
        {
            using var browser = _app.NewBrowser();
            (await browser.SignInAsync(shopper.Email, DemoSeeder.DefaultPassword)).HasButton("Sign out").ShouldBeTrue(shopper.Email);
            var urls = new[] { "/Account/Orders", "/Account/Orders?pageNumber=2" }.Concat(shopper.Numbers.Select(n => $"/Account/Orders/{n}"));
            foreach (var url in urls)
            {
                var page = await browser.GetAsync(url);
                page.Status.ShouldBe(HttpStatusCode.OK, url);
                problems.AddRange(ScreenText.Problems(page.Text).Select(p => $"{url}: {p}"));
            }
        }

        shoppers.Sum(s => s.Numbers.Count).ShouldBe(200);
        problems.ShouldBeEmpty();
    }
}

public sealed class PagesShowNamesAndAmountsNotCodesOnSqlite() : PagesShowNamesAndAmountsNotCodes(Provider.Sqlite);
