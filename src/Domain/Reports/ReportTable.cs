using System.Globalization;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Reports;

public enum CellKind
{
    Text,
    Count,
    Amount,
    Percent,
    Minutes,
}

/// <summary>One value of a report table. An amount always carries its currency, which the row also shows in a column.</summary>
public sealed record ReportCell(CellKind Kind, string? Text = null, decimal? Number = null, string? Currency = null)
{
    public static ReportCell Of(string text) => new(CellKind.Text, text);
    public static ReportCell Count(long count) => new(CellKind.Count, Number: count);
    public static ReportCell Amount(decimal amount, string currency) => new(CellKind.Amount, Number: amount, Currency: currency);
    public static ReportCell Percent(decimal? percent) => new(CellKind.Percent, Number: percent);
    public static ReportCell Minutes(long? minutes) => new(CellKind.Minutes, Number: minutes);

    /// <summary>As a page shows it: amounts with their currency and decimals, durations in days, hours and minutes.</summary>
    public string Display() => Kind switch
    {
        CellKind.Amount => Money.Format(Number!.Value, Currency!),
        CellKind.Count => Number!.Value.ToString("N0", CultureInfo.InvariantCulture),
        CellKind.Percent => Number is { } percent ? percent.ToString("0.0", CultureInfo.InvariantCulture) + " %" : "—",
        CellKind.Minutes => Number is { } minutes ? Duration((long)minutes) : "—",
        _ => Text ?? "",
    };

    /// <summary>As an export writes it: plain numbers a spreadsheet can add up (the currency has its own column).</summary>
    public string Export() => Kind switch
    {
        CellKind.Text => Text ?? "",
        CellKind.Amount => Number!.Value.ToString("0.##########", CultureInfo.InvariantCulture),
        _ => Number?.ToString("0.##########", CultureInfo.InvariantCulture) ?? "",
    };

    public static string Duration(long minutes)
    {
        var span = TimeSpan.FromMinutes(minutes);
        return span.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h")
            : span.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{span.Hours} h {span.Minutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes} min");
    }
}

/// <summary>A table of the report: shown on the page beside its chart, and downloadable as CSV or XLSX under its key.</summary>
public sealed record ReportTable(string Key, string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows)
{
    /// <summary>How the export names a column: minutes say they are minutes, since the file holds plain numbers.</summary>
    public string ExportColumn(int index) =>
        Rows.Count > 0 && Rows[0][index].Kind == CellKind.Minutes ? $"{Columns[index]} (minutes)" : Columns[index];
}
