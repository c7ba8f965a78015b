using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>One cancellation request in the back-office: order, timeline and the actions staff may take.</summary>
public sealed class BackOfficeRequestPage(IPage page)
{
    public ILocator Status => page.GetByTestId("request-status");
    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);

    public async Task<int> StockOfAsync(string sku) => int.Parse(await page.GetByTestId($"stock-{sku}").TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<string> FirstSkuAsync() => await page.Locator("table tbody tr td").Nth(1).TextContentAsync() ?? "";

    public async Task<int> FirstQuantityAsync() => int.Parse(await page.Locator("table tbody tr td").Nth(2).TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    public async Task AcceptAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

    /// <summary>Fills the decision form: store credit for the full amount, restock, and submits it.</summary>
    public async Task CompleteWithStoreCreditAsync(string reason, bool restock)
    {
        await page.GetByLabel("Reason", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = reason });
        await page.GetByLabel("Store credit").CheckAsync();
        var restockBox = page.GetByLabel("Put the items back in stock");
        await restockBox.SetCheckedAsync(restock);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete cancellation" }).ClickAsync();
    }
}
