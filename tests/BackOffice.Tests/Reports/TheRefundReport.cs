using System.Net;
using AngleSharp.Dom;
using CancellationPortal.BackOffice.Tests.Support;

namespace CancellationPortal.BackOffice.Tests.Reports;

/// <summary>The report's figures, worked out by hand for <see cref="ReportMonth"/>, as a manager reads them on the page.</summary>
public abstract class TheRefundReport(BackOfficeApp app) : PageTest(app)
{
    internal static string MonthQuery(DateTimeOffset month) =>
        $"Period=Custom&From={month:yyyy-MM-dd}&To={month.AddMonths(1).AddDays(-1):yyyy-MM-dd}";

    [Fact]
    public async Task TheMoneyFiguresMatchAHandComputedMonthPerCurrency()
    {
        var month = new DateTimeOffset(2021, 3, 1, 0, 0, 0, TimeSpan.Zero);
        await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        var page = await client.GetPageAsync($"/Reports?{MonthQuery(month)}");

        page.Status.ShouldBe(HttpStatusCode.OK, page.Text);
        page.Document.QuerySelector("[data-testid=period]")!.TextContent.ShouldContain("1 March 2021 – 31 March 2021");
        Rows(page, "refunded").ShouldBe(
        [
            ["EUR", "2", "EUR 160.00", "EUR 80.00", "0", "EUR 0.00", "1", "EUR 25.00", "1"],
            ["JPY", "1", "JPY 5,000", "JPY 5,000", "0", "JPY 0", "0", "JPY 0", "0"],
            ["USD", "1", "USD 50.00", "USD 50.00", "1", "USD 50.00", "0", "USD 0.00", "0"],
        ]);
        Rows(page, "by-method").ShouldBe(
        [
            ["EUR", "Store credit", "1", "EUR 100.00"],
            ["EUR", "Bank transfer", "1", "EUR 60.00"],
            ["JPY", "Store credit", "1", "JPY 5,000"],
            ["USD", "Store credit", "1", "USD 50.00"],
        ]);
        Rows(page, "by-reason").ShouldBe(
        [
            ["EUR", "Customer request", "1", "EUR 100.00"],
            ["EUR", "Out of stock", "1", "EUR 60.00"],
            ["JPY", "Customer request", "1", "JPY 5,000"],
            ["USD", "Customer request", "1", "USD 50.00"],
        ]);
        Rows(page, "kept").ShouldBe(
        [
            ["EUR", "All partial refunds", "1", "EUR 20.00"],
            ["EUR", "Restocking fee", "1", "EUR 20.00"],
        ]);
        Rows(page, "per-day-eur").Single(r => r[0] == "2021-03-03").ShouldBe(["2021-03-03", "EUR", "EUR 0.00", "EUR 100.00", "EUR 0.00", "EUR 0.00", "EUR 100.00"]);
        Rows(page, "per-day-eur").Single(r => r[0] == "2021-03-05").ShouldBe(["2021-03-05", "EUR", "EUR 0.00", "EUR 0.00", "EUR 60.00", "EUR 0.00", "EUR 60.00"]);
        Rows(page, "per-day-eur").Count.ShouldBe(31);
    }

    [Fact]
    public async Task TheCancellationAndSpeedFiguresMatchAHandComputedMonth()
    {
        var month = new DateTimeOffset(2021, 4, 1, 0, 0, 0, TimeSpan.Zero);
        await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        var page = await client.GetPageAsync($"/Reports?{MonthQuery(month)}");

        Rows(page, "cancellations").Take(8).ShouldBe(
        [
            ["Requested", "8"], ["Canceled", "3"], ["Rejected", "1"], ["Withdrawn by the shopper", "1"], ["Undone", "1"], ["Still open", "2"],
            ["Orders placed", "10"], ["Cancellation rate (canceled per order placed)", "30.0 %"],
        ]);
        Rows(page, "asked-by").ShouldBe([["Shopper (portal)", "6", "75.0 %"], ["Staff", "1", "12.5 %"], ["Automation", "1", "12.5 %"]]);
        Rows(page, "reasons").Take(3).ShouldBe([["Staff", "Customer request", "4"], ["Shopper", "Changed my mind", "3"], ["Shopper", "Delivery takes too long", "1"]]);

        // To a decision: 30, 60, 60, 120, 180 and 240 minutes. To canceled: 120, 120 and 1,440 minutes.
        Rows(page, "speed").ShouldBe(
        [
            ["Request to decision (accepted or rejected)", "6", "1 h 0 min", "4 h 0 min"],
            ["Request to canceled", "3", "2 h 0 min", "1 d 0 h"],
        ]);
        Rows(page, "staff").ShouldBe([["Sue Support", "4", "2", "2 h 0 min"], ["Otto Support", "1", "1", "2 h 0 min"]]);
        Rows(page, "time-to-canceled").ShouldBe(
            [["under 1 h", "0"], ["1–4 h", "2"], ["4–24 h", "0"], ["1–2 days", "1"], ["2–3 days", "0"], ["3–7 days", "0"], ["over 7 days", "0"]]);
    }

    [Fact]
    public async Task FiltersNarrowEveryFigureAndNeverMixCurrencies()
    {
        var month = new DateTimeOffset(2021, 5, 1, 0, 0, 0, TimeSpan.Zero);
        await ReportMonth.SeedAsync(App, month);
        var client = await App.SignInAsync(BackOfficeApp.Manager);

        var eurByStoreCredit = await client.GetPageAsync($"/Reports?{MonthQuery(month)}&Currency=eur&Method=StoreCredit");
        Rows(eurByStoreCredit, "refunded").ShouldBe([["EUR", "1", "EUR 100.00", "EUR 100.00", "0", "EUR 0.00", "0", "EUR 0.00", "1"]]);

        var byStaff = await client.GetPageAsync($"/Reports?{MonthQuery(month)}&AskedBy=Staff");
        Rows(byStaff, "refunded").ShouldBe([["USD", "1", "USD 50.00", "USD 50.00", "1", "USD 50.00", "0", "USD 0.00", "0"]]);
        Rows(byStaff, "cancellations")[0].ShouldBe(["Requested", "1"]);

        var byCard = await client.GetPageAsync($"/Reports?{MonthQuery(month)}&Payment=Card&Reason=CustomerRequest");
        Rows(byCard, "refunded").Select(r => r[0]).ShouldBe(["EUR", "USD"]);
    }

    internal static List<List<string>> Rows(HtmlPage page, string table)
    {
        ArgumentNullException.ThrowIfNull(page);
        var element = page.Document.QuerySelector($"[data-testid=table-{table}]");
        element.ShouldNotBeNull($"no table {table} on the page: {page.Alert}");
        return [.. element.QuerySelectorAll("tbody tr").Select(row => row.Children.Select(Cell).ToList())];
    }

    private static string Cell(IElement cell) => cell.TextContent.Trim();
}

[Collection(SqliteCollection.Name)]
public sealed class TheRefundReportOnSqlite(SqliteBackOffice app) : TheRefundReport(app);

[Collection(PostgresCollection.Name)]
public sealed class TheRefundReportOnPostgres(PostgresBackOffice app) : TheRefundReport(app);
