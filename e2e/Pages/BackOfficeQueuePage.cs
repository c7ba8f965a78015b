using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The back-office cancellation queue.</summary>
public sealed partial class BackOfficeQueuePage(IPage page, Uri baseUrl)
{
    /// <summary>The requests listed: the rows that link to an order.</summary>
    public ILocator Rows => page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { NameRegex = OrderLink() }) });

    public async Task OpenAsync() => await page.GotoAsync(new Uri(baseUrl, "/Requests").ToString());

    public async Task SearchAsync(string term)
    {
        await page.GetByLabel("Order number, shopper name or email, or tracking number").FillAsync(term);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    /// <summary>The queue row of one order's request.</summary>
    public ILocator RowOf(string orderNumber) => Rows.Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = $"Order {orderNumber}", Exact = true }) });

    public async Task OpenRequestAsync(string orderNumber) =>
        await page.GetByRole(AriaRole.Link, new() { Name = $"Order {orderNumber}", Exact = true }).ClickAsync();

    [GeneratedRegex("^Order ")]
    private static partial Regex OrderLink();
}
