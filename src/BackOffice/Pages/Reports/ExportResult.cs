using CancellationPortal.Domain.Reports;
using Microsoft.AspNetCore.Mvc;

namespace CancellationPortal.BackOffice.Pages.Reports;

/// <summary>
/// Sends a table as a download while its rows are read. CSV goes straight to the response; an XLSX workbook (a zip
/// package, which must seek) is spooled to a temporary file first, so neither holds the rows in memory.
/// </summary>
public sealed class ExportResult(string fileName, ExportFormat format, string sheet, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<ReportCell>> rows) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        var cancellationToken = context.HttpContext.RequestAborted;
        response.ContentType = TableExport.ContentType(format);
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}.{TableExport.Extension(format)}\"";
        if (format == ExportFormat.Csv)
        {
            await TableExport.WriteCsvAsync(response.Body, columns, rows, cancellationToken);
            return;
        }

        await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await TableExport.WriteXlsxAsync(spool, sheet, columns, rows, cancellationToken);
        spool.Position = 0;
        response.ContentLength = spool.Length;
        await spool.CopyToAsync(response.Body, cancellationToken);
    }

    /// <summary>A small table already in memory, as the rows an export reads.</summary>
    public static async IAsyncEnumerable<IReadOnlyList<ReportCell>> Rows(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        foreach (var row in table.Rows)
        {
            yield return row;
        }

        await Task.CompletedTask;
    }
}
