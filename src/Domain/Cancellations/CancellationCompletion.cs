using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// What happens when a request reaches Canceled: the order is canceled, points and store credit used to pay
/// go back to the shopper, items optionally go back on the shelf, and the invoice is reversed with a credit
/// note (and what the store kept is invoiced). Adds to the unit of work; the caller commits.
/// </summary>
public sealed class CancellationCompletion(AppDbContext db)
{
    /// <summary>Completes a request with nothing to refund in money: restocks and reverses the invoice.</summary>
    public Task<Result> CompleteWithoutMoneyAsync(CancellationRequest request, Actor actor, DateTimeOffset now, CancellationToken cancellationToken) =>
        CompleteAsync(request, actor, restock: true, now, cancellationToken);

    /// <summary>
    /// Completes an in-progress request once its refunds add up to the decided amount and none is still
    /// pending. Called after every refund outcome (staff action, webhook, reconciliation), so the shopper's
    /// "canceled" email with the refund summary goes out whichever way the last refund settled. Returns true
    /// when the request was completed by this call.
    /// </summary>
    public async Task<bool> CompleteIfSettledAsync(CancellationRequest request, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.CanComplete || request.Decision is null)
        {
            return false;
        }

        var refunds = await db.Refunds.Where(r => r.RequestId == request.Id).ToListAsync(cancellationToken);

        // Refunds added in this unit of work are not in the database yet.
        refunds.AddRange(db.ChangeTracker.Entries<Refund>()
            .Where(e => e.State == EntityState.Added && e.Entity.RequestId == request.Id)
            .Select(e => e.Entity)
            .Where(r => !refunds.Contains(r)));
        if (!RefundBalance.SettledInFull(request.Decision, refunds, request.Order.Currency))
        {
            return false;
        }

        var result = await CompleteAsync(request, actor, request.Decision.Restock, now, cancellationToken);
        if (result.IsSuccess && request.Decision.NotifyShopper)
        {
            db.EnqueueEmail(CanceledEmail.Build(request.Order, request, refunds, db.FeeInvoiceIssuedFor(request)), request.Order.Number, now);
        }

        return result.IsSuccess;
    }

    public async Task<Result> CompleteAsync(CancellationRequest request, Actor actor, bool restock, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = request.Order;
        var completed = request.Complete(actor, now);
        if (!completed.IsSuccess)
        {
            return completed;
        }

        order.MarkCanceled(now);
        GiveBackWhatWasNotMoney(order, now);
        if (restock && !order.IsDropShip)
        {
            await RestockAsync(order, cancellationToken);
        }

        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        if (settings.RevertInvoiceOnCancel)
        {
            await db.ReverseInvoiceAsync(request, actor, now, cancellationToken);
        }

        return Result.Ok();
    }

    /// <summary>Points and store credit spent on the order are given back automatically.</summary>
    private void GiveBackWhatWasNotMoney(Order order, DateTimeOffset now)
    {
        if (order.PointsRedeemed > 0)
        {
            db.PointsEntries.Add(new PointsEntry(order.CustomerId, order.PointsRedeemed, $"Order {order.Number} canceled: points given back", null, now));
        }

        if (order.PaymentMethod == PaymentMethod.StoreCredit && order.AmountPaid > 0)
        {
            db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, order.AmountPaid, order.Currency, $"Order {order.Number} canceled: store credit given back", null, now));
        }
    }

    private async Task RestockAsync(Order order, CancellationToken cancellationToken)
    {
        var skus = order.Lines.Select(l => l.Sku).Distinct().ToList();
        var items = await db.StockItems.Where(s => skus.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, cancellationToken);
        foreach (var line in order.Lines)
        {
            if (items.TryGetValue(line.Sku, out var item))
            {
                item.Restock(line.Quantity);
            }
        }
    }
}
