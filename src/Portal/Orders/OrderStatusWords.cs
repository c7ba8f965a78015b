using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Web;

namespace CancellationPortal.Portal.Orders;

/// <summary>An order's status as a shopper reads it: words, and the tone of the pill that carries them.</summary>
public sealed record ShopperOrderStatus(string Words, StatusTone Tone)
{
    public string PillClass => Tone.PillClass();
}

/// <summary>The one status in words a shopper sees for an order, from the order and its latest cancellation request.</summary>
public static class OrderStatusWords
{
    public static ShopperOrderStatus Describe(bool isCanceled, FulfillmentStatus fulfillment, SupplierOrderStatus supplier, CancellationStatus? latestRequest)
    {
        // An undo waiting for the shopper's payment is what they must act on, whether or not the order was canceled by then.
        if (latestRequest == CancellationStatus.AwaitingRepayment)
        {
            return new("Payment due to keep the order", CancellationStatus.AwaitingRepayment.Tone());
        }

        if (isCanceled)
        {
            return new("Canceled", StatusTone.Done);
        }

        return latestRequest switch
        {
            CancellationStatus.Requested => new("Cancellation requested", CancellationStatus.Requested.Tone()),
            CancellationStatus.InProgress => new("Cancellation in progress", CancellationStatus.InProgress.Tone()),
            CancellationStatus.Canceled => new("Canceled", CancellationStatus.Canceled.Tone()),

            // The order goes ahead: what the shopper follows from here is its shipping.
            CancellationStatus.Undone => new("Cancellation undone", StatusTone.Neutral),

            // A supplier that shipped the order has sent it on its way, whatever the store's own shipping says.
            _ when supplier == SupplierOrderStatus.Shipped => Shipping(FulfillmentStatus.Shipped),
            _ => fulfillment is FulfillmentStatus.Unfulfilled or FulfillmentStatus.FulfillmentInProgress
                ? new("Processing", fulfillment.Tone())
                : Shipping(fulfillment),
        };
    }

    private static ShopperOrderStatus Shipping(FulfillmentStatus status) => new(status.ToDisplay(), status.Tone());
}
