using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The back-office cancellation queue.</summary>
public sealed class BackOfficeQueuePage(IPage page, Uri baseUrl)
{
    public ILocator Rows => page.Locator("table tbody tr");

    public async Task OpenAsync() => await page.GotoAsync(new Uri(baseUrl, "/Requests").ToString());

    public async Task SearchAsync(string term)
    {
        await page.GetByLabel("Order number, shopper email or tracking number").FillAsync(term);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    /// <summary>The order number of the oldest request in the open tab, as its link reads ("Order 10042").</summary>
    public async Task<string> FirstOrderNumberAsync()
    {
        var text = await Rows.First.GetByRole(AriaRole.Link).First.TextContentAsync() ?? "";
        return text.Replace("Order", "", StringComparison.Ordinal).Trim();
    }

    public async Task OpenRequestAsync(string orderNumber) =>
        await page.GetByRole(AriaRole.Link, new() { Name = $"Order {orderNumber}", Exact = true }).ClickAsync();
}
