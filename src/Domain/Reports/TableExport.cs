using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CancellationPortal.Domain.Reports;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a table as CSV (CsvHelper) or XLSX (Open XML, written element by element), one row at a time. Amounts
/// are plain numbers beside a currency column, so a spreadsheet can add them up per currency.
/// </summary>
public static class TableExport
{
    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<ReportCell>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        // Text a shopper typed (an email, a reason) must never run as a formula when the file is opened in a spreadsheet.
        await using var csv = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        await csv.WriteRecordAsync([.. columns], cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([.. row.Select(cell => cell.Export())], cancellationToken);
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the workbook to a seekable stream (a temporary file for large exports): a zip package needs to seek,
    /// but only the row being written is ever held in memory.
    /// </summary>
    public static async Task WriteXlsxAsync(Stream output, string sheetName, IReadOnlyList<string> columns, IAsyncEnumerable<IReadOnlyList<ReportCell>> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var sheetPart = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheetPart))
        {
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, columns.Select(ReportCell.Of));
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                WriteRow(writer, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = SheetName(sheetName) }));
        workbook.Workbook.Save();
    }

    private static void WriteRow(OpenXmlWriter writer, IEnumerable<ReportCell> cells)
    {
        writer.WriteStartElement(new Row());
        foreach (var cell in cells)
        {
            // Numbers as numbers, so sums and filters work; everything else as inline text (no shared-string table to hold).
            writer.WriteElement(cell.Kind == CellKind.Text || cell.Number is null
                ? new Cell(new InlineString(new Text(cell.Export()) { Space = SpaceProcessingModeValues.Preserve })) { DataType = CellValues.InlineString }
                : new Cell(new CellValue(cell.Export())) { DataType = CellValues.Number });
        }

        writer.WriteEndElement();
    }

    // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name.
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Where(c => !":\\/?*[]".Contains(c, StringComparison.Ordinal))]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
