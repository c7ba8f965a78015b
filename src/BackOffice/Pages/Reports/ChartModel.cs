using CancellationPortal.Domain.Reports;

namespace CancellationPortal.BackOffice.Pages.Reports;

/// <summary>A chart on the page and the query its table's downloads carry.</summary>
public sealed record ChartModel(ChartData Chart, ReportQuery Query);
