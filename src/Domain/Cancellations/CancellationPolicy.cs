using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Domain.Cancellations;

public enum PolicyAnswer
{
    /// <summary>The order can be canceled.</summary>
    Allowed,

    /// <summary>Shipped, in transit or delivered: the shopper must return it instead.</summary>
    MustReturn,

    /// <summary>Fulfillment is in progress: the fulfillment request must be reverted before canceling.</summary>
    MustRevertFulfillment,

    /// <summary>Placed with a drop-ship supplier: cancel there first.</summary>
    MustCancelWithSupplier,

    AlreadyCanceled,
    AlreadyRequested,
}

/// <summary>
/// The one place that decides whether an order can be canceled. Pages use the same answer to decide
/// which buttons to show, and the use cases to decide what to allow.
/// </summary>
public static class CancellationPolicy
{
    public static PolicyAnswer Evaluate(Order order, bool hasOpenRequest)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsCanceled)
        {
            return PolicyAnswer.AlreadyCanceled;
        }

        if (hasOpenRequest)
        {
            return PolicyAnswer.AlreadyRequested;
        }

        if (order.FulfillmentStatus is FulfillmentStatus.Shipped or FulfillmentStatus.InTransit or FulfillmentStatus.Delivered
            || order.SupplierStatus == SupplierOrderStatus.Shipped)
        {
            return PolicyAnswer.MustReturn;
        }

        if (order.SupplierStatus == SupplierOrderStatus.Placed)
        {
            return PolicyAnswer.MustCancelWithSupplier;
        }

        return order.FulfillmentStatus == FulfillmentStatus.FulfillmentInProgress
            ? PolicyAnswer.MustRevertFulfillment
            : PolicyAnswer.Allowed;
    }

    /// <summary>A request can be taken: the store may still have to stop a shipment before it cancels.</summary>
    public static bool TakesRequest(this PolicyAnswer answer) =>
        answer is PolicyAnswer.Allowed or PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier;

    /// <summary>The order can be canceled right now (nothing left to stop first).</summary>
    public static bool CanCancelNow(this PolicyAnswer answer) => answer == PolicyAnswer.Allowed;

    /// <summary>
    /// A shopper's request completes on the spot when nothing stands in the way and no money has to go back
    /// ($0 orders, orders paid wholly in points or store credit, unpaid orders).
    /// </summary>
    public static bool CancelsAtOnce(Order order, PolicyAnswer answer) =>
        answer == PolicyAnswer.Allowed && !order.HasMoneyToRefund;

    public static string Describe(this PolicyAnswer answer) => answer switch
    {
        PolicyAnswer.Allowed => "This order can be canceled.",
        PolicyAnswer.MustReturn => "This order has left the warehouse, so it cannot be canceled: it has to be returned instead.",
        PolicyAnswer.MustRevertFulfillment => "The order is being packed. The fulfillment request must be reverted before it can be canceled.",
        PolicyAnswer.MustCancelWithSupplier => "The order is placed with a drop-ship supplier. It must be canceled with the supplier first.",
        PolicyAnswer.AlreadyCanceled => "This order is already canceled.",
        PolicyAnswer.AlreadyRequested => "A cancellation has already been requested for this order.",
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer, null),
    };
}
