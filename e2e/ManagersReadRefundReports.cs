using CancellationPortal.E2E.Pages;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class ManagersReadRefundReports(StoreFixture store) : BrowserTest(store)
{
    [Fact]
    public async Task AManagerReadsLastMonthsRefundsAndDownloadsThemAsASpreadsheet()
    {
        var page = await NewPageAsync(1440, 900);
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("manager@example.com", StoreFixture.DemoPassword);
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);
        await shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Reports" }).ClickAsync();
        var reports = new BackOfficeReportsPage(page);

        await reports.ShowAsync("Last month");

        await Expect(reports.Heading).ToHaveTextAsync("Refund reports");
        await Expect(page.GetByTestId("period")).ToContainTextAsync("days from midnight to midnight in the store's time zone, UTC");
        await Expect(reports.MoneyRefunded.GetByRole(AriaRole.Row).Nth(1)).ToContainTextAsync("EUR");
        await Expect(reports.Charts.First).ToBeVisibleAsync();
        (await reports.Charts.CountAsync()).ShouldBeGreaterThanOrEqualTo(3);
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Time from request to canceled" })).ToBeVisibleAsync();
        var folder = Directory.CreateDirectory(Path.Combine(SiteMap.RepositoryRoot, "e2e", "screenshots")).FullName;
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "backoffice-reports-last-month.png"), FullPage = true });

        var file = await reports.DownloadLedgerAsSpreadsheetAsync();
        try
        {
            Path.GetFileName(file).ShouldEndWith(".xlsx");
            using var document = SpreadsheetDocument.Open(file, isEditable: false);
            var workbook = document.WorkbookPart!;
            var sheet = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
            var rows = sheet.Worksheet.Descendants<Row>().ToList();
            rows.Count.ShouldBeGreaterThan(1);
            rows[0].Elements<Cell>().Select(c => c.InlineString!.Text!.Text).Take(5).ShouldBe(["Order", "Shopper email", "Method", "Amount", "Currency"]);
            rows[1].Elements<Cell>().ElementAt(3).DataType!.Value.ShouldBe(CellValues.Number, "the amount is a number a spreadsheet adds up");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
