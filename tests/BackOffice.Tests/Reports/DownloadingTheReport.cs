using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Hosting;

namespace CancellationPortal.BackOffice.Tests.Reports;

/// <summary>Every table of the report, and the refund ledger, as CSV and XLSX files with the page's filters.</summary>
public abstract class DownloadingTheReport(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task TheRefundLedgerListsEveryRefundOfThePeriodAsCsv()
    {
        var month = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var orders = await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        using var response = await client.GetAsync($"/Reports?handler=Ledger&format=csv&{TheRefundReport.MonthQuery(month)}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("refund-ledger-2022-03-01-to-2022-03-31.csv");
        var lines = Csv(await response.Content.ReadAsStringAsync());
        lines[0].ShouldBe(["Order", "Shopper email", "Method", "Amount", "Currency", "Status", "Provider reference", "Issued by", "Reason", "Issued at (UTC)", "Settled at (UTC)", "Failure"]);
        lines.Skip(1).Select(l => (l[0], l[2], l[3], l[4], l[5])).ShouldBe(
        [
            (orders[0], "store credit", "100", "EUR", "Succeeded"),
            (orders[1], "bank transfer", "60", "EUR", "Succeeded"),
            (orders[2], "original card payment", "50", "USD", "Failed"),
            (orders[2], "store credit", "50", "USD", "Succeeded"),
            (orders[3], "store credit", "5000", "JPY", "Succeeded"),
            (orders[9], "original card payment", "25", "EUR", "Pending"),
        ]);
        lines[2].ShouldBe([orders[1], BackOfficeApp.Shopper, "bank transfer", "60", "EUR", "Succeeded", "TRF-1", "Sue Support", "Out of stock", "2022-03-05 10:00:00", "2022-03-06 09:00:00", ""]);
        lines[3][^1].ShouldBe("Card expired");
    }

    [Fact]
    public async Task TheRefundLedgerOpensAsASpreadsheetWhoseCellsReadBack()
    {
        var month = new DateTimeOffset(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);
        var orders = await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        using var response = await client.GetAsync($"/Reports?handler=Ledger&format=xlsx&Currency=JPY&{TheRefundReport.MonthQuery(month)}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = Xlsx(await response.Content.ReadAsByteArrayAsync());
        rows.Count.ShouldBe(2);
        rows[0][3].ShouldBe(("Amount", false));
        rows[1][0].ShouldBe((orders[3], false));
        rows[1][3].ShouldBe(("5000", true));
        rows[1][4].ShouldBe(("JPY", false));
        rows[1][9].ShouldBe(("2022-04-12 01:00:00", false));
    }

    [Fact]
    public async Task EveryTableOnThePageDownloadsWithItsFiltersAsCsvAndXlsx()
    {
        var month = new DateTimeOffset(2022, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);
        var page = await client.GetPageAsync($"/Reports?{TheRefundReport.MonthQuery(month)}&Currency=EUR");

        var tables = page.Document.QuerySelectorAll("table[data-testid^=table-]").ToList();
        tables.Count.ShouldBe(11);
        foreach (var table in tables)
        {
            var key = table.GetAttribute("data-testid")!["table-".Length..];
            var links = table.QuerySelectorAll("caption a").Select(a => a.GetAttribute("href")!).ToList();
            links.Count.ShouldBe(2, key);
            var csv = Csv(await client.GetStringAsync(links[0]));
            var xlsx = Xlsx(await client.GetByteArrayAsync(links[1]));
            var shown = table.QuerySelectorAll("tbody tr").Count(r => !r.TextContent.Contains("Nothing in this period", StringComparison.Ordinal));
            (csv.Count - 1).ShouldBe(shown, key);
            (xlsx.Count - 1).ShouldBe(shown, key);
            csv[0].Count.ShouldBe(table.QuerySelectorAll("thead th").Length, key);
        }

        var refunded = Csv(await client.GetStringAsync(tables.Single(t => t.GetAttribute("data-testid") == "table-refunded").QuerySelector("caption a")!.GetAttribute("href")!));
        refunded.ShouldBe(
        [
            ["Currency", "Refunds", "Refunded", "Average refund", "Failed refunds", "Failed amount", "Pending refunds", "Pending amount", "Orders in dispute"],
            ["EUR", "2", "160", "80", "0", "0", "1", "25", "1"],
        ]);
        var speed = Csv(await client.GetStringAsync($"/Reports?handler=Export&table=speed&format=csv&{TheRefundReport.MonthQuery(month)}"));
        speed[0].ShouldBe(["Measure", "Requests", "Median (minutes)", "90th percentile (minutes)"]);
    }

    [Fact]
    public async Task ALedgerLargerThanTheRowLimitIsRefusedWithAMessage()
    {
        var month = new DateTimeOffset(2022, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await ReportMonth.SeedAsync(App, month);
        await using var limited = App.WithWebHostBuilder(b => b.UseSetting("Reports:ExportRowLimit", "5"));
        var client = await BackOfficeApp.SignInAsync(limited, BackOfficeApp.Manager);

        var refused = await client.GetPageAsync($"/Reports?handler=Ledger&format=xlsx&{TheRefundReport.MonthQuery(month)}");

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Alert.ShouldContain("has 6 refunds, more than the 5 one download may hold");
        (await client.GetAsync($"/Reports?handler=Ledger&format=csv&Currency=EUR&{TheRefundReport.MonthQuery(month)}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Period=Custom&From=2022-03-10&To=2022-03-01", "ends before it starts")]
    [InlineData("Period=Custom&From=2015-01-01&To=2022-03-01", "at most 5 years")]
    [InlineData("Period=Custom&From=yesterday&To=2022-03-01", "first day of the period as a date")]
    [InlineData("Period=Fortnight", "Choose a period from the list")]
    [InlineData("Method=Cheque", "Choose a refund method from the list")]
    [InlineData("Method=1", "Choose a refund method from the list")]
    [InlineData("Reason=Because", "Choose a reason from the list")]
    [InlineData("AskedBy=Robot", "Choose who asked from the list")]
    [InlineData("Payment=Gold", "Choose a payment method from the list")]
    [InlineData("Currency=XXY", "not an ISO 4217 currency code")]
    [InlineData("Currency=EURO", "not an ISO 4217 currency code")]
    [InlineData("handler=Ledger&format=pdf", "CSV or XLSX")]
    [InlineData("handler=Export&table=refunded&format=", "CSV or XLSX")]
    [InlineData("handler=Ledger&format=csv&Currency=%3Cb%3E", "not an ISO 4217 currency code")]
    public async Task BadInputIsRefusedWithAMessageOnThePage(string query, string message)
    {
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        var page = await client.GetPageAsync($"/Reports?{query}");

        page.Status.ShouldBe(HttpStatusCode.BadRequest, page.Text);
        page.Alert.ShouldContain(message);
        page.Document.QuerySelector("form select[name=Period]").ShouldNotBeNull();
    }

    [Fact]
    public async Task AnUnknownTableIsNotFound()
    {
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        var page = await client.GetPageAsync("/Reports?handler=Export&table=salaries&format=csv");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Alert.ShouldContain("no such table");
    }

    /// <summary>A CSV file's records (no field in these reports holds a comma, a quote or a line break).</summary>
    internal static List<List<string>> Csv(string text) =>
        [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',').ToList())];

    /// <summary>A workbook's first sheet, each cell's text and whether it is stored as a number.</summary>
    internal static List<List<(string Text, bool IsNumber)>> Xlsx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        using var document = SpreadsheetDocument.Open(stream, isEditable: false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        return [.. part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>()
            .Select(cell => cell.DataType?.Value == CellValues.InlineString ? (cell.InlineString!.Text!.Text, false) : (cell.CellValue!.Text, true))
            .ToList())];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DownloadingTheReportOnSqlite(SqliteBackOffice app) : DownloadingTheReport(app);

[Collection(PostgresCollection.Name)]
public sealed class DownloadingTheReportOnPostgres(PostgresBackOffice app) : DownloadingTheReport(app);
