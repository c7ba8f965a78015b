using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Queue;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Orders;

/// <param name="LatestRequest">The status of the order's latest cancellation request, or null when nobody asked.</param>
public sealed record OrderRow(
    Guid Id,
    string Number,
    DateTimeOffset PlacedAt,
    string CustomerName,
    string CustomerEmail,
    decimal Total,
    string Currency,
    FulfillmentStatus Fulfillment,
    bool IsCanceled,
    CancellationStatus? LatestRequest)
{
    public Money TotalMoney => new(Total, Currency);
}

public sealed record OrderPage(IReadOnlyList<OrderRow> Rows, QueueCursor? Next);

/// <summary>One of an order's cancellation requests, as the order's page lists them.</summary>
public sealed record OrderRequestRow(Guid Id, CancellationStatus Status, DateTimeOffset RequestedAt, string RequestedBy);

/// <summary>
/// Every order, with or without a request: newest first, one page at a time from a cursor on (PlacedAt, Id),
/// so paging never uses OFFSET.
/// </summary>
public sealed class OrderSearch(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<OrderPage> ReadAsync(string? search, QueueCursor? before, CancellationToken cancellationToken, int pageSize = PageSize)
    {
        var orders = db.Orders.AsNoTracking().Matching(search);
        if (before is { } cursor)
        {
            // Newest first, so the next page holds what was placed before the cursor's row.
            orders = orders.Where(o => o.PlacedAt <= cursor.At
                && (o.PlacedAt < cursor.At || o.Id.CompareTo(cursor.Id) < 0));
        }

        var size = QueueCursor.PageSizeOf(pageSize);
        var rows = await orders
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Take(size + 1)
            .Select(o => new OrderRow(
                o.Id,
                o.Number,
                o.PlacedAt,
                o.CustomerName,
                o.CustomerEmail,
                o.Total,
                o.Currency,
                o.FulfillmentStatus,
                o.IsCanceled,
                db.CancellationRequests.Where(r => r.OrderId == o.Id)
                    .OrderByDescending(r => r.RequestedAt)
                    .Select(r => (CancellationStatus?)r.Status)
                    .FirstOrDefault()))
            .ToListAsync(cancellationToken);

        var next = QueueCursor.TrimToPage(rows, size, r => new QueueCursor(r.PlacedAt, r.Id));
        return new OrderPage(rows, next);
    }

    public Task<Order?> FindAsync(string number, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == number, cancellationToken);

    /// <summary>The order's cancellation requests, newest first.</summary>
    public Task<List<OrderRequestRow>> RequestsOfAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.CancellationRequests.AsNoTracking()
            .Where(r => r.OrderId == orderId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Select(r => new OrderRequestRow(r.Id, r.Status, r.RequestedAt, r.RequestedByName))
            .ToListAsync(cancellationToken);
}

public static class OrderTerms
{
    /// <summary>
    /// The orders a staff member's search term names. Each kind of term has its own column, so an order number
    /// or an email stays an index lookup: an @ means an email, a digit an order or tracking number, and anything
    /// else any part of the shopper's name in any case. No term: every order.
    /// </summary>
    public static IQueryable<Order> Matching(this IQueryable<Order> orders, string? search)
    {
        var term = search?.Trim();
        if (string.IsNullOrEmpty(term))
        {
            return orders;
        }

        return term.Contains('@', StringComparison.Ordinal)
            ? orders.Where(o => o.CustomerEmail == term.ToLowerInvariant() || o.CustomerEmail == term)
            : term.Any(char.IsDigit)
                ? orders.Where(o => o.Number == term || o.TrackingNumber == term)
                : orders.Where(o => o.CustomerName.ToLower().Contains(term.ToLowerInvariant()));
    }
}
