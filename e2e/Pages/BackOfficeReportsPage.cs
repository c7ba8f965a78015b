using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>The managers' refund reports: the period and filters form, the tables with their downloads, and the charts.</summary>
public sealed class BackOfficeReportsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Period => page.GetByLabel("Period", new() { Exact = true });
    public ILocator Currency => page.GetByLabel("Currency", new() { Exact = true });
    public ILocator MoneyRefunded => page.GetByRole(AriaRole.Table).Filter(new() { HasText = "Money refunded, per currency" });
    public ILocator Charts => page.GetByRole(AriaRole.Img);
    public ILocator Alert => page.GetByRole(AriaRole.Alert);

    public async Task ShowAsync(string period)
    {
        await Period.SelectOptionAsync(new SelectOptionValue { Label = period });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
    }

    /// <summary>Downloads the refund ledger as a spreadsheet and returns where the browser saved it.</summary>
    public async Task<string> DownloadLedgerAsSpreadsheetAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "download XLSX" }).ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}-{download.SuggestedFilename}");
        await download.SaveAsAsync(path);
        return path;
    }
}
