using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Inventory;

/// <summary>The items of a canceled order go back on the shelf when staff chose to restock them.</summary>
public sealed class RestockWhenCanceled(AppDbContext db) : INotificationHandler<CancellationCompleted>
{
    public async ValueTask Handle(CancellationCompleted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (!notification.Restock)
        {
            return;
        }

        var lines = notification.Request.Order.Lines;
        var skus = lines.Select(l => l.Sku).Distinct().ToList();
        var items = await db.StockItems.Where(s => skus.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, cancellationToken);
        foreach (var line in lines)
        {
            if (items.TryGetValue(line.Sku, out var item))
            {
                item.Restock(line.Quantity);
            }
        }
    }
}
