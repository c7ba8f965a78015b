using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

/// <summary>The canceled orders as a spreadsheet reads them: one row each, with the reasons, the refund and who decided.</summary>
public sealed class CanceledOrdersLog(AppDbContext db)
{
    public const string Header = "Order,Shop order id,Canceled at (UTC),Shopper's reason,Staff reason,Refunded,Currency,Decided by";

    public async Task<string> CsvAsync(CancellationToken cancellationToken)
    {
        var rows = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.Status == CancellationStatus.Canceled)
            .OrderBy(r => r.ClosedAt)
            .Select(r => new
            {
                r.Order.Number,
                ExternalId = db.Set<ExternalOrder>().Where(e => e.OrderId == r.OrderId).Select(e => e.ExternalId).FirstOrDefault(),
                r.ClosedAt,
                r.ShopperReason,
                DecisionReason = r.Decision == null ? (DecisionReason?)null : r.Decision.Reason,
                Refunded = db.Refunds.Where(f => f.RequestId == r.Id && f.Status == RefundStatus.Succeeded).Sum(f => (decimal?)f.Amount) ?? 0m,
                r.Order.Currency,
                DecidedBy = r.AssignedToName ?? r.LastChangedByName,
            })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var row in rows)
        {
            string[] cells =
            [
                row.Number,
                row.ExternalId ?? "",
                row.ClosedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "",
                row.ShopperReason?.ToDisplay() ?? "",
                row.DecisionReason?.ToDisplay() ?? "",
                row.Refunded.ToString("0.00", CultureInfo.InvariantCulture),
                row.Currency,
                row.DecidedBy,
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Quoted when it must be (RFC 4180). A cell a spreadsheet would run as a formula (=, +, -, @) is prefixed
    /// with an apostrophe: a shopper's name or note must never become a formula on a manager's machine.
    /// </summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
