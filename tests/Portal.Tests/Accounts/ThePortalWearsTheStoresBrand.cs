using CancellationPortal.Domain.Settings;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>The store's name, logo and brand colour from the store settings are on every portal page.</summary>
public abstract class ThePortalWearsTheStoresBrand(Provider provider) : SignedInShopperTest(provider)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Account/Orders")]
    [InlineData("/Identity/Account/Manage")]
    public async Task TheHeaderShowsTheStoresNameLogoAndColour(string url)
    {
        await BrandAsync("Teapots & Co", "/images/teapot.svg", "#7a1f3d");

        var page = await Browser.GetAsync(url);

        page.Document.QuerySelector("a.navbar-brand")!.TextContent.ShouldBe("Teapots & Co");
        page.Document.QuerySelector("a.navbar-brand img")!.GetAttribute("src").ShouldBe("/images/teapot.svg");
        page.Document.Body!.GetAttribute("style").ShouldBe("--brand: #7a1f3d");
        page.Document.Title.ShouldEndWith("— Teapots & Co");
        page.Document.QuerySelector("footer")!.TextContent.ShouldContain("Teapots & Co");
    }

    [Fact]
    public async Task AColourOrLogoStoredAroundTheSettingsPageFallsBackToTheDefaults()
    {
        await BrandAsync("Teapots & Co", "javascript:alert(1)", "red; background: url(https://evil.example/)");

        var page = await Browser.GetAsync("/");

        page.Document.QuerySelector("a.navbar-brand img").ShouldBeNull();
        page.Document.Body!.GetAttribute("style").ShouldBe($"--brand: {StoreBranding.DefaultBrandColor}");
    }

    [Fact]
    public async Task OrderStatusesArePillsInWordsWithTheirTone()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        await App.RequestAsShopperAsync(Shopper, order);

        var list = await Browser.GetAsync("/Account/Orders");
        var details = await OpenOrderAsync(order.Number);

        list.Document.QuerySelector("tbody .pill")!.ClassName.ShouldBe("pill pill--waiting");
        list.Document.QuerySelector("tbody .pill")!.TextContent.ShouldBe("Cancellation requested");
        details.Document.QuerySelector("[data-testid=order-status]")!.ClassName.ShouldBe("pill pill--waiting");
        details.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation requested");
    }

    private Task BrandAsync(string name, string logo, string color) => App.WithDbAsync(async db =>
    {
        var settings = await db.StoreSettings.SingleAsync();
        settings.StoreName = name;
        settings.LogoUrl = logo;
        settings.BrandColor = color;
        await db.SaveChangesAsync();
    });
}

public sealed class ThePortalWearsTheStoresBrandOnSqlite() : ThePortalWearsTheStoresBrand(Provider.Sqlite);
