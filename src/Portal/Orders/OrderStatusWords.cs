using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Portal.Orders;

/// <summary>The one status in words a shopper sees for an order, from the order and its latest cancellation request.</summary>
public static class OrderStatusWords
{
    public static string Describe(bool isCanceled, FulfillmentStatus fulfillment, CancellationStatus? latestRequest)
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
            _ => Describe(fulfillment),
        };
    }

    public static string Describe(FulfillmentStatus fulfillment) => fulfillment switch
    {
        FulfillmentStatus.Unfulfilled or FulfillmentStatus.FulfillmentInProgress => "Processing",
        FulfillmentStatus.Shipped => "Shipped",
        FulfillmentStatus.InTransit => "In transit",
        FulfillmentStatus.Delivered => "Delivered",
        FulfillmentStatus.ReturnedToSender => "Returned to sender",
        _ => fulfillment.ToString(),
    };

    /// <summary>A style class for the badge; the words above always carry the meaning.</summary>
    public static string BadgeClass(string words) => words switch
    {
        "Cancellation requested" => "status-requested",
        "Cancellation in progress" => "status-progress",
        "Canceled" => "status-canceled",
        _ => "status-ok",
    };

    public static string Describe(PaymentMethod method) => method switch
    {
        PaymentMethod.None => "No payment needed",
        PaymentMethod.Card => "Card",
        PaymentMethod.BankDeposit => "Bank deposit",
        PaymentMethod.Points => "Loyalty points",
        PaymentMethod.StoreCredit => "Store credit",
        PaymentMethod.CashOnDelivery => "Cash on delivery",
        _ => method.ToString(),
    };
}
