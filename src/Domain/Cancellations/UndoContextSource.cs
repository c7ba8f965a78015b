using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>Reads what an undo is decided on: the shopper's balances, the shelf and the credit note to answer.</summary>
public sealed class UndoContextSource(AppDbContext db)
{
    public async Task<UndoContext> LoadAsync(CancellationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = request.Order;
        var credit = await db.StoreCreditEntries.AsNoTracking()
            .Where(e => e.CustomerId == order.CustomerId && e.Currency == order.Currency)
            .SumAsync(e => (decimal?)e.Amount, cancellationToken) ?? 0m;
        var points = await db.PointsEntries.AsNoTracking()
            .Where(e => e.CustomerId == order.CustomerId)
            .SumAsync(e => (long?)e.Points, cancellationToken) ?? 0L;
        var skus = order.Lines.Select(l => l.Sku).Distinct().ToList();
        var onHand = await db.StockItems.AsNoTracking().Where(s => skus.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, s => s.OnHand, cancellationToken);
        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        var creditNote = settings.RevertInvoiceOnCancel
            ? await db.CreditNotes.AsNoTracking().Where(c => c.RequestId == request.Id).OrderByDescending(c => c.IssuedAt).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken)
            : null;
        return new UndoContext(credit, points, settings.PointsPerCurrencyUnit, onHand, creditNote);
    }
}
