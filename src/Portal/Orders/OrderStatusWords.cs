using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Portal.Orders;

/// <summary>The one status in words a shopper sees for an order, from the order and its latest cancellation request.</summary>
public static class OrderStatusWords
{
    public static string Describe(bool isCanceled, FulfillmentStatus fulfillment, SupplierOrderStatus supplier, CancellationStatus? latestRequest)
    {
        if (isCanceled)
        {
            return "Canceled";
        }

        return latestRequest switch
        {
            CancellationStatus.Requested => "Cancellation requested",
            CancellationStatus.InProgress => "Cancellation in progress",
            CancellationStatus.Canceled => "Canceled",
            CancellationStatus.AwaitingRepayment or CancellationStatus.Undone => "Cancellation undone",

            // A supplier that shipped the order has sent it on its way, whatever the store's own shipping says.
            _ when supplier == SupplierOrderStatus.Shipped => FulfillmentStatus.Shipped.ToDisplay(),
            _ => fulfillment is FulfillmentStatus.Unfulfilled or FulfillmentStatus.FulfillmentInProgress ? "Processing" : fulfillment.ToDisplay(),
        };
    }

    /// <summary>A style class for the badge; the words above always carry the meaning.</summary>
    public static string BadgeClass(string words) => words switch
    {
        "Cancellation requested" => "status-requested",
        "Cancellation in progress" => "status-progress",
        "Canceled" => "status-canceled",
        _ => "status-ok",
    };
}
