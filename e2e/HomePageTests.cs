using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class HomePageTests(StoreFixture store) : BrowserTest(store)
{
    [Fact]
    public async Task AShopperSeesThePortalStartPageAndCanGoToSignIn()
    {
        var page = await NewPageAsync();
        var home = new PortalHomePage(page, Store.Portal.BaseUrl);

        await home.OpenAsync();

        (await home.Heading.TextContentAsync()).ShouldBe("Help with your orders");
        await home.SignInLink.ClickAsync();
        await page.WaitForURLAsync("**/Identity/Account/Login**");
        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task AnonymousVisitorsOfTheBackOfficeAreAskedToSignIn()
    {
        var page = await NewPageAsync();

        await page.GotoAsync(Store.BackOffice.BaseUrl.ToString());

        page.Url.ShouldContain("/Account/Login");
        (await new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl).Heading.TextContentAsync()).ShouldBe("Staff sign-in");
    }

    [Fact]
    public async Task SupportStaffSeeTheOverviewAfterSigningIn()
    {
        var page = await NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();

        await signIn.SignInAsync("support@example.com", StoreFixture.DemoPassword);

        (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync()).ShouldBe("Cancellations");
        (await page.GetByText("support@example.com").CountAsync()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task AShopperCannotSignInToTheBackOffice()
    {
        var page = await NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();

        await signIn.SignInAsync("shopper@example.com", StoreFixture.DemoPassword);

        (await signIn.Alert.InnerTextAsync()).ShouldContain("not a staff account");
        page.Url.ShouldContain("/Account/Login");
    }
}
