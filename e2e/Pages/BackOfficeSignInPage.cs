using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The back-office staff sign-in page.</summary>
public sealed class BackOfficeSignInPage(IPage page, Uri baseUrl)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public async Task OpenAsync() => await page.GotoAsync(new Uri(baseUrl, "/Account/Login").ToString());

    public async Task SignInAsync(string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
