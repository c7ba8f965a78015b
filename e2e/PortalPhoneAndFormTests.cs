using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class PortalPhoneAndFormTests(StoreFixture store) : BrowserTest(store)
{
    [Fact]
    public async Task OnAPhoneTheNavigationOpensFromTheMenuButton()
    {
        var page = await NewPageAsync(width: 390, height: 844);
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync("shopper@example.com", StoreFixture.DemoPassword);
        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
        var myOrders = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "My orders" });

        (await myOrders.IsVisibleAsync()).ShouldBeFalse();
        await menu.ClickAsync();

        (await menu.GetAttributeAsync("aria-expanded")).ShouldBe("true");
        await myOrders.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "My orders", Level = 1 }).WaitForAsync();
    }

    [Fact]
    public async Task TheSignInFormIsCheckedInTheBrowserBeforeItIsSent()
    {
        var page = await NewPageAsync();
        var posts = 0;
        page.Request += (_, request) => posts += request.Method == "POST" ? 1 : 0;
        await page.GotoAsync(new Uri(Store.Portal.BaseUrl, "/Identity/Account/Login").ToString());

        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("not-an-address");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByText("The Email field is not a valid e-mail address.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("The Password field is required.")).ToBeVisibleAsync();
        posts.ShouldBe(0);
    }
}
