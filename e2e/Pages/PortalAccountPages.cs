using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The shopper's account pages: register, confirm the address, sign in.</summary>
public sealed class PortalAccountPages(IPage page, Uri baseUrl)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Main => page.GetByRole(AriaRole.Main);

    public async Task RegisterAsync(string email, string password)
    {
        await page.GotoAsync(new Uri(baseUrl, "/Identity/Account/Register").ToString());
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
    }

    /// <summary>Follows the link from the confirmation email.</summary>
    public async Task ConfirmAsync(string link) => await page.GotoAsync(link);

    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync(new Uri(baseUrl, "/Identity/Account/Login").ToString());
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // On a phone the Sign out button is folded away behind the menu: present is enough.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", IncludeHidden = true }).WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }
}
