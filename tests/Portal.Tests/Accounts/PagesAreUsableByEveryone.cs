using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Accounts;

/// <summary>The account pages wear the store's layout, and every input on every form has a label.</summary>
public abstract class PagesAreUsableByEveryone(Provider provider) : SignedInShopperTest(provider)
{
    [Theory]
    [InlineData("/Identity/Account/Manage")]
    [InlineData("/Identity/Account/Manage/ChangePassword")]
    [InlineData("/Account/Orders")]
    [InlineData("/Account/Orders/{order}")]
    public async Task SignedInPagesUseTheStoreLayoutAndLabelEveryInput(string url)
    {
        var order = await App.PlaceOrderAsync(Shopper);

        var page = await Browser.GetAsync(url.Replace("{order}", order.Number, StringComparison.Ordinal));

        ShouldBeUsable(page);
    }

    [Theory]
    [InlineData("/Identity/Account/Login")]
    [InlineData("/Identity/Account/Register")]
    [InlineData("/Identity/Account/ForgotPassword")]
    public async Task SignedOutPagesUseTheStoreLayoutAndLabelEveryInput(string url)
    {
        using var anonymous = App.NewBrowser();

        ShouldBeUsable(await anonymous.GetAsync(url));
    }

    [Fact]
    public async Task TheConfirmationStepsAreLabelledToo()
    {
        var order = await App.PlaceOrderAsync(Shopper);

        ShouldBeUsable(await StartRequestAsync(order.Number, "ChangedMind"));
    }

    private static void ShouldBeUsable(WebPage page)
    {
        page.Document.QuerySelector("a.navbar-brand")!.TextContent.ShouldBe("Example Store", page.Url.ToString());
        page.Document.QuerySelector("meta[name=viewport]")!.GetAttribute("content").ShouldBe("width=device-width, initial-scale=1");
        page.Document.QuerySelector("main#main").ShouldNotBeNull();
        var unlabelled = page.Document.QuerySelectorAll("input, select, textarea")
            .Where(e => e.GetAttribute("type") is not ("hidden" or "submit"))
            .Where(e => e.Id is null || page.Document.QuerySelector($"label[for='{e.Id}']") is null)
            .Select(e => e.OuterHtml)
            .ToList();
        unlabelled.ShouldBeEmpty(page.Url.ToString());
        page.Document.QuerySelectorAll("button").ShouldAllBe(b => b.TextContent.Trim().Length > 0);
    }
}

public sealed class PagesAreUsableByEveryoneOnSqlite() : PagesAreUsableByEveryone(Provider.Sqlite);

public sealed class PagesAreUsableByEveryoneOnPostgres() : PagesAreUsableByEveryone(Provider.Postgres);
