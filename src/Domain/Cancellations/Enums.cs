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

/// <summary>What kind of step an audit entry records: the timelines and the shopper's history go by it, not by its words.</summary>
public enum AuditKind
{
    Requested,
    Accepted,
    Rejected,
    Withdrawn,
    DecisionRecorded,
    StaffNote,
    FulfillmentReverted,
    CanceledWithSupplier,
    RefundIssued,
    CardRefundStarted,
    CardRefundSucceeded,
    CardRefundFailed,
    CardRefundOutcomeUnknown,
    BankTransferStarted,
    BankTransferRecorded,
    BankTransferCanceled,
    Canceled,
    CreditNoteIssued,
    UndoStarted,
    Undone,
    RepaymentReceived,
    RefundReversed,
    FeeInvoiceIssued,
    CardRefundAmountDiffers,
    RefundCanceledForUndo,
    UndoCanceled,
    InvoiceReissued,
    RepaymentStarted,
    RepaymentReminderSent,
    StockReReserved,
    UndoAsked,
}

public static class CancellationStatusText
{
    /// <summary>Statuses in which a request still holds the order (one per order, enforced by a unique index).</summary>
    public static readonly CancellationStatus[] Open =
        [CancellationStatus.Requested, CancellationStatus.InProgress, CancellationStatus.AwaitingRepayment];

    public static bool IsOpen(this CancellationStatus status) => Array.IndexOf(Open, status) >= 0;
}
