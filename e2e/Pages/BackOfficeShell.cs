using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>What every back-office page shares: the main navigation, its phone menu button and the top bar's order search.</summary>
public sealed class BackOfficeShell(IPage page, Uri baseUrl)
{
    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
    public ILocator MenuButton => page.GetByRole(AriaRole.Button, new() { Name = "Menu" });
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task OpenAsync(string path) => await page.GotoAsync(new Uri(baseUrl, path).ToString());

    public async Task FindOrderAsync(string term)
    {
        await page.GetByLabel("Find an order by number, shopper email or name, or tracking number").FillAsync(term);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find", Exact = true }).ClickAsync();
    }

    /// <summary>A count on the dashboard: its link is named by the count and what it counts.</summary>
    public ILocator Tile(string label) => page.GetByRole(AriaRole.Link).Filter(new() { HasText = label });

    /// <summary>The queue's status tab the page is on.</summary>
    public ILocator CurrentQueueTab =>
        page.GetByRole(AriaRole.Navigation, new() { Name = "Request status" }).Locator("[aria-current=page]");
}
