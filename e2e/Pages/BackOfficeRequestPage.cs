using System.Globalization;
using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>One cancellation request in the back-office: order, refunds, timeline and the actions staff may take.</summary>
public sealed class BackOfficeRequestPage(IPage page)
{
    public ILocator Status => page.GetByTestId("request-status");
    public ILocator StatusMessage => page.GetByRole(AriaRole.Status);
    public ILocator Order => page.GetByRole(AriaRole.Region, new() { Name = "Order", Exact = true });

    /// <summary>The "Original card payment" choice of the decision form; its description names the gateway.</summary>
    public ILocator CardMethod => page.GetByLabel("Original card payment");

    public async Task<int> StockOfAsync(string sku) => int.Parse(await page.GetByTestId($"stock-{sku}").TextContentAsync() ?? "0", CultureInfo.InvariantCulture);

    public async Task<string> FirstSkuAsync() => (await RowsOfAsync("Order lines"))[0]["SKU"];

    public async Task<int> FirstQuantityAsync() => int.Parse((await RowsOfAsync("Order lines"))[0]["Quantity"], CultureInfo.InvariantCulture);

    /// <summary>The refund attempts, one row each, by column heading (Method, Amount, Status, Reference, Failure reason).</summary>
    public Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RefundsAsync() => RowsOfAsync("Refunds");

    public async Task AcceptAsync() => await page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

    /// <summary>What the confirmation step says is about to happen.</summary>
    public ILocator Confirmation => page.GetByTestId("confirm-text");

    /// <summary>
    /// Fills the decision form for the full amount with the refund method as labelled, submits it, and confirms
    /// on the step that states what is about to happen.
    /// </summary>
    public async Task CompleteAsync(string reason, string refundMethod, bool restock)
    {
        await page.GetByLabel("Reason", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = reason });
        await page.GetByLabel(refundMethod, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Put the items back in stock").SetCheckedAsync(restock);
        await page.GetByRole(AriaRole.Button, new() { Name = "Complete cancellation" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm: cancel the order" }).ClickAsync();
    }

    /// <summary>
    /// The body rows of the table with this caption, each cell keyed by its column heading. Footer rows that
    /// span columns (subtotals) have fewer cells than headings and are left out.
    /// </summary>
    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RowsOfAsync(string caption)
    {
        var table = page.GetByRole(AriaRole.Table, new() { Name = caption, Exact = true });
        await table.WaitForAsync();
        var headings = await table.GetByRole(AriaRole.Columnheader).AllInnerTextsAsync();
        var rows = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in await table.GetByRole(AriaRole.Row).AllAsync())
        {
            var cells = await row.GetByRole(AriaRole.Cell).AllInnerTextsAsync();
            if (cells.Count == headings.Count)
            {
                rows.Add(headings.Zip(cells).ToDictionary(pair => pair.First.Trim(), pair => pair.Second.Trim()));
            }
        }

        return rows;
    }
}
