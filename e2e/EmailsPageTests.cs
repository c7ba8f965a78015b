using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class EmailsPageTests(StoreFixture store) : BrowserTest(store)
{
    [Fact]
    public async Task AnAdminOpensEmailsFromTheNavigationAndPreviewsTheCanceledEmail()
    {
        var page = await NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("admin@example.com", StoreFixture.DemoPassword);
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Emails" }).ClickAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Emails");
        var emails = new BackOfficeEmailsPage(page);

        await emails.PreviewAsync("Order canceled", "JPY");

        await Expect(emails.Subject).ToContainTextAsync("Order 10023 is canceled");
        await Expect(emails.Html.GetByText("We refunded JPY 25,600 by store credit.")).ToBeVisibleAsync();
        await Expect(emails.Html.GetByRole(AriaRole.Link, new() { Name = "View your order" })).ToBeVisibleAsync();
        await Expect(emails.Text).ToContainTextAsync("We kept JPY 800: Shipping was already paid to the courier.");
    }
}
