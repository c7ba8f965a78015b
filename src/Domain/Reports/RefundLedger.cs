using System.Globalization;
using System.Runtime.CompilerServices;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Reports;

/// <summary>
/// Every refund of a period with what an accountant reconciles against the payment provider's payouts. Rows are
/// read one at a time as the export writes them, so a million-row ledger never sits in memory.
/// </summary>
public sealed class RefundLedger(AppDbContext db)
{
    public Task<long> CountAsync(ReportQuery query, TimeZoneInfo zone, CancellationToken cancellationToken) =>
        Refunds(query, zone).LongCountAsync(cancellationToken);

    /// <summary>The ledger as a table's columns and rows (times in the store's zone), oldest refund first.</summary>
    public IReadOnlyList<string> Columns(TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return ["Order", "Shopper email", "Method", "Amount", "Currency", "Status", "Provider reference", "Issued by", "Reason",
            $"Issued at ({zone.Id})", $"Settled at ({zone.Id})", "Failure"];
    }

    public async IAsyncEnumerable<IReadOnlyList<ReportCell>> RowsAsync(ReportQuery query, TimeZoneInfo zone, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = Refunds(query, zone)
            .OrderBy(x => x.Refund.CreatedAt).ThenBy(x => x.Refund.Id)
            .Select(x => new
            {
                x.Order.Number,
                x.Order.CustomerEmail,
                x.Refund.Method,
                x.Refund.Amount,
                x.Refund.Currency,
                x.Refund.Status,
                x.Refund.ProviderReference,
                x.Refund.CreatedByName,
                Reason = x.Request.Decision == null ? (DecisionReason?)null : x.Request.Decision.Reason,
                x.Refund.CreatedAt,
                x.Refund.SettledAt,
                x.Refund.FailureReason,
            })
            .AsAsyncEnumerable()
            .WithCancellation(cancellationToken);
        await foreach (var row in rows)
        {
            yield return
            [
                ReportCell.Of(row.Number), ReportCell.Of(row.CustomerEmail), ReportCell.Of(row.Method.ToDisplay()), ReportCell.Amount(row.Amount, row.Currency),
                ReportCell.Of(row.Currency), ReportCell.Of(row.Status.ToDisplay()), ReportCell.Of(row.ProviderReference ?? ""), ReportCell.Of(row.CreatedByName),
                ReportCell.Of(row.Reason?.ToDisplay() ?? ""), ReportCell.Of(Local(row.CreatedAt, zone)), ReportCell.Of(row.SettledAt is { } settled ? Local(settled, zone) : ""),
                ReportCell.Of(row.FailureReason ?? ""),
            ];
        }
    }

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private IQueryable<LedgerSource> Refunds(ReportQuery query, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (start, end) = (query.FromUtc(zone), query.ToUtc(zone));
        var rows =
            from refund in db.Refunds.AsNoTracking()
            join request in db.CancellationRequests on refund.RequestId equals request.Id
            join order in db.Orders on refund.OrderId equals order.Id
            where refund.CreatedAt >= start && refund.CreatedAt < end
            select new LedgerSource { Refund = refund, Request = request, Order = order };
        if (query.Currency is { } currency)
        {
            rows = rows.Where(x => x.Refund.Currency == currency);
        }

        if (query.Method is { } method)
        {
            rows = rows.Where(x => x.Refund.Method == method);
        }

        if (query.Reason is { } reason)
        {
            rows = rows.Where(x => x.Request.Decision != null && x.Request.Decision.Reason == reason);
        }

        if (query.AskedBy is { } askedBy)
        {
            rows = rows.Where(x => x.Request.RequestedByKind == askedBy);
        }

        if (query.Payment is { } payment)
        {
            rows = rows.Where(x => x.Order.PaymentMethod == payment);
        }

        return rows;
    }

    // A class with settable members, not a positional record: EF Core translates member initialisation only.
    private sealed class LedgerSource
    {
        public required Refund Refund { get; init; }
        public required CancellationRequest Request { get; init; }
        public required Orders.Order Order { get; init; }
    }
}
