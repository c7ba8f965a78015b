namespace CancellationPortal.Domain.Cancellations;

public enum CancellationStatus
{
    Requested,
    InProgress,
    Canceled,
    Rejected,
    Withdrawn,
    AwaitingRepayment,
    Undone,
}

/// <summary>Why the shopper asked to cancel (the portal's list).</summary>
public enum ShopperReason
{
    OrderedByMistake,
    ChangedMind,
    FoundBetterPrice,
    DeliveryTooLong,
    Other,
}

/// <summary>Why staff canceled (the back-office decision list).</summary>
public enum DecisionReason
{
    CustomerRequest,
    OutOfStock,
    SuspectedFraud,
    PaymentProblem,
    AddressUndeliverable,
    RefusedAtDelivery,
    Other,
}

public static class CancellationStatusText
{
    /// <summary>Statuses in which a request still holds the order (one per order, enforced by a unique index).</summary>
    public static readonly CancellationStatus[] Open =
        [CancellationStatus.Requested, CancellationStatus.InProgress, CancellationStatus.AwaitingRepayment];

    public static bool IsOpen(this CancellationStatus status) => Array.IndexOf(Open, status) >= 0;

    public static string ToDisplay(this CancellationStatus status) => status switch
    {
        CancellationStatus.Requested => "Cancellation requested",
        CancellationStatus.InProgress => "Cancellation in progress",
        CancellationStatus.Canceled => "Canceled",
        CancellationStatus.Rejected => "Cancellation rejected",
        CancellationStatus.Withdrawn => "Cancellation withdrawn",
        CancellationStatus.AwaitingRepayment => "Undo awaiting repayment",
        CancellationStatus.Undone => "Cancellation undone",
        _ => status.ToString(),
    };

    public static string ToDisplay(this ShopperReason reason) => reason switch
    {
        ShopperReason.OrderedByMistake => "Ordered by mistake",
        ShopperReason.ChangedMind => "Changed my mind",
        ShopperReason.FoundBetterPrice => "Found a better price",
        ShopperReason.DeliveryTooLong => "Delivery takes too long",
        ShopperReason.Other => "Other",
        _ => reason.ToString(),
    };

    public static string ToDisplay(this DecisionReason reason) => reason switch
    {
        DecisionReason.CustomerRequest => "Customer request",
        DecisionReason.OutOfStock => "Out of stock",
        DecisionReason.SuspectedFraud => "Suspected fraud",
        DecisionReason.PaymentProblem => "Payment problem",
        DecisionReason.AddressUndeliverable => "Address undeliverable",
        DecisionReason.RefusedAtDelivery => "Refused at delivery",
        DecisionReason.Other => "Other",
        _ => reason.ToString(),
    };
}
