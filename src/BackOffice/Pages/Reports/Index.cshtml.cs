using CancellationPortal.Domain.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CancellationPortal.BackOffice.Pages.Reports;

/// <summary>
/// The managers' refund reports: one period and its filters, the figures and charts they give, and every table
/// (and the refund ledger) as a CSV or XLSX download with the same filters.
/// </summary>
public sealed class IndexModel(RefundReports reports, RefundLedger ledger, IOptions<ReportOptions> options) : PageModel
{
    public ReportInput Input { get; private set; } = new();

    public ReportView? Report { get; private set; }

    public ReportClock? Clock { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] ReportInput input, CancellationToken cancellationToken)
    {
        if (await QueryAsync(input, cancellationToken) is not { } query)
        {
            return Refused();
        }

        Report = await reports.ReadAsync(query, Clock!, cancellationToken);
        return Page();
    }

    /// <summary>One table of the report, by its key, with the page's filters.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromQuery] ReportInput input, string? table, string? format, CancellationToken cancellationToken)
    {
        if (await QueryAsync(input, cancellationToken) is not { } query || Format(format) is not { } chosen)
        {
            return Refused();
        }

        var report = await reports.ReadAsync(query, Clock!, cancellationToken);
        if (report.Find(table ?? "") is not { } found)
        {
            ModelState.AddModelError("", "There is no such table in this report: choose a download link beside a table.");
            Report = report;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        return new ExportResult(FileName(found.Key, query), chosen, found.Title, [.. found.Columns.Select((_, i) => found.ExportColumn(i))], ExportResult.Rows(found));
    }

    /// <summary>Every refund of the period with order, shopper, method, amount, status, provider reference, staff, reason and times.</summary>
    public async Task<IActionResult> OnGetLedgerAsync([FromQuery] ReportInput input, string? format, CancellationToken cancellationToken)
    {
        if (await QueryAsync(input, cancellationToken) is not { } query || Format(format) is not { } chosen)
        {
            return Refused();
        }

        var limit = options.Value.ExportRowLimit;
        var count = await ledger.CountAsync(query, Clock!.Zone, cancellationToken);
        if (count > limit)
        {
            ModelState.AddModelError("", $"The refund ledger of this period has {count:N0} refunds, more than the {limit:N0} one download may hold. Choose a shorter period or more filters.");
            return Refused();
        }

        return new ExportResult(FileName("refund-ledger", query), chosen, "Refund ledger", ledger.Columns(Clock.Zone), ledger.RowsAsync(query, Clock.Zone, cancellationToken));
    }

    private async Task<ReportQuery?> QueryAsync(ReportInput input, CancellationToken cancellationToken)
    {
        Input = input;
        Clock = await reports.ClockAsync(cancellationToken);
        var parsed = ReportQuery.Parse(input, Clock.Today);
        if (!parsed.IsSuccess)
        {
            ModelState.AddModelError(parsed.Error!.Field ?? "", parsed.Error.Message);
            return null;
        }

        return parsed.Value;
    }

    private ExportFormat? Format(string? format)
    {
        if (Enum.TryParse<ExportFormat>(format, ignoreCase: true, out var chosen) && Enum.IsDefined(chosen) && !char.IsDigit(format![0]))
        {
            return chosen;
        }

        ModelState.AddModelError("", "Downloads come as CSV or XLSX: choose one of the two links.");
        return null;
    }

    private PageResult Refused()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private static string FileName(string key, ReportQuery query) => $"{key}-{query.From:yyyy-MM-dd}-to-{query.To:yyyy-MM-dd}";
}
