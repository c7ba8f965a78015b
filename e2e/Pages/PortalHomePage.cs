using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The shopper portal's start page.</summary>
public sealed class PortalHomePage(IPage page, Uri baseUrl)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator SignInLink => page.GetByRole(AriaRole.Link, new() { Name = "Sign in to My Account" });

    public async Task OpenAsync() => await page.GotoAsync(baseUrl.ToString());
}
