using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Mediator;

namespace CancellationPortal.Domain.Customers;

/// <summary>What a cancellation writes on the shopper's store-credit and points ledgers.</summary>
public sealed class LedgerEntries(AppDbContext db)
    : INotificationHandler<RefundPaidToLedger>, INotificationHandler<CancellationCompleted>, INotificationHandler<UndoMovedLedger>
{
    /// <summary>A refund in store credit or points lands on the ledger the moment it is issued.</summary>
    public ValueTask Handle(RefundPaidToLedger notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (order, refund) = (notification.Request.Order, notification.Refund);
        var description = $"Refund for canceled order {order.Number}";
        if (refund.Method == RefundMethod.Points)
        {
            db.PointsEntries.Add(new PointsEntry(order.CustomerId, notification.Points!.Value, description, refund.Id, notification.At));
        }
        else
        {
            db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, refund.Amount, refund.Currency, description, refund.Id, notification.At));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Points and store credit the shopper paid with are given back automatically: they are not money to refund.</summary>
    public ValueTask Handle(CancellationCompleted notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var order = notification.Request.Order;
        if (order.PointsRedeemed > 0)
        {
            db.PointsEntries.Add(new PointsEntry(order.CustomerId, order.PointsRedeemed, $"Order {order.Number} canceled: points given back", null, notification.At));
        }

        if (order.PaymentMethod == PaymentMethod.StoreCredit && order.AmountPaid > 0)
        {
            db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, order.AmountPaid, order.Currency, $"Order {order.Number} canceled: store credit given back", null, notification.At));
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>An undo takes store credit and points back (or gives them back when it is canceled), as the request decided.</summary>
    public ValueTask Handle(UndoMovedLedger notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var order = notification.Request.Order;
        if (notification.StoreCredit != 0m)
        {
            db.StoreCreditEntries.Add(new StoreCreditEntry(order.CustomerId, notification.StoreCredit, order.Currency, notification.Description, null, notification.At));
        }

        if (notification.Points != 0)
        {
            db.PointsEntries.Add(new PointsEntry(order.CustomerId, notification.Points, notification.Description, null, notification.At));
        }

        return ValueTask.CompletedTask;
    }
}
