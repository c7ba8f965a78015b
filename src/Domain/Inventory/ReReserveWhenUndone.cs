using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Inventory;

/// <summary>
/// The items a cancellation put back on the shelf come off it again when the order is active again. The request
/// refused the undo if stock was short, unless staff chose a backorder, which is noted on its timeline.
/// </summary>
public sealed class ReReserveWhenUndone(AppDbContext db) : INotificationHandler<CancellationUndone>
{
    public async ValueTask Handle(CancellationUndone notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var request = notification.Request;
        if (!request.Restocked)
        {
            return;
        }

        var lines = request.Order.Lines;
        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var items = await db.StockItems.Where(s => skus.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, cancellationToken);
        var backordered = new List<string>();
        foreach (var line in lines)
        {
            var missing = items.TryGetValue(line.Sku, out var item) ? item.Reserve(line.Quantity) : line.Quantity;
            if (missing > 0)
            {
                backordered.Add($"{line.Sku} × {missing}");
            }
        }

        request.Note(notification.Actor, notification.At, AuditKind.StockReReserved, backordered.Count == 0
            ? "Every item is reserved again."
            : $"Reserved what is on the shelf; on backorder: {string.Join(", ", backordered)}.");
    }
}
