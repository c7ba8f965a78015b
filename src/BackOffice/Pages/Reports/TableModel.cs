using CancellationPortal.Domain.Reports;

namespace CancellationPortal.BackOffice.Pages.Reports;

/// <summary>A report table on the page, with the filters its download links carry.</summary>
public sealed record TableModel(ReportTable Table, ReportQuery Query)
{
    public Dictionary<string, string?> Route(string format)
    {
        var route = Query.ToRouteValues();
        route["table"] = Table.Key;
        route["format"] = format;
        return route;
    }

    public bool IsNumeric(int column) => Table.Rows.Count > 0 && Table.Rows[0][column].Kind != CellKind.Text;
}
