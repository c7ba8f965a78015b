using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain;

/// <summary>
/// The one name a person reads for each value of an enum, in both apps and in emails. A value without a name
/// is a bug, never a code on screen: every switch throws instead of falling back to the member's name.
/// </summary>
public static class DisplayNames
{
    public static string ToDisplay(this CancellationStatus status) => status switch
    {
        CancellationStatus.Requested => "Cancellation requested",
        CancellationStatus.InProgress => "Cancellation in progress",
        CancellationStatus.Canceled => "Canceled",
        CancellationStatus.Rejected => "Cancellation rejected",
        CancellationStatus.Withdrawn => "Cancellation withdrawn",
        CancellationStatus.AwaitingRepayment => "Undo awaiting repayment",
        CancellationStatus.Undone => "Cancellation undone",
        _ => throw Unnamed(status),
    };

    public static string ToDisplay(this ShopperReason reason) => reason switch
    {
        ShopperReason.OrderedByMistake => "Ordered by mistake",
        ShopperReason.ChangedMind => "Changed my mind",
        ShopperReason.FoundBetterPrice => "Found a better price",
        ShopperReason.DeliveryTooLong => "Delivery takes too long",
        ShopperReason.Other => "Other",
        _ => throw Unnamed(reason),
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
        _ => throw Unnamed(reason),
    };

    /// <summary>The words of an audit step, as both timelines show it.</summary>
    public static string ToDisplay(this AuditKind kind) => kind switch
    {
        AuditKind.Requested => "Cancellation requested",
        AuditKind.Accepted => "Accepted",
        AuditKind.Rejected => "Rejected",
        AuditKind.Withdrawn => "Withdrawn by the shopper",
        AuditKind.DecisionRecorded => "Decision recorded",
        AuditKind.StaffNote => "Staff note",
        AuditKind.FulfillmentReverted => "Fulfillment request reverted",
        AuditKind.CanceledWithSupplier => "Canceled with the supplier",
        AuditKind.RefundIssued => "Refund issued",
        AuditKind.CardRefundStarted => "Card refund started",
        AuditKind.CardRefundSucceeded => "Card refund succeeded",
        AuditKind.CardRefundFailed => "Card refund failed",
        AuditKind.CardRefundOutcomeUnknown => "Card refund outcome unknown",
        AuditKind.BankTransferStarted => "Bank transfer started",
        AuditKind.BankTransferRecorded => "Bank transfer recorded",
        AuditKind.BankTransferCanceled => "Bank transfer canceled",
        AuditKind.Canceled => "Canceled",
        AuditKind.CreditNoteIssued => "Credit note issued",
        AuditKind.UndoStarted => "Undo started: awaiting repayment",
        AuditKind.Undone => "Cancellation undone",
        AuditKind.RepaymentReceived => "Repayment received",
        AuditKind.RefundCanceledForUndo => "Refund canceled for the undo",
        AuditKind.UndoCanceled => "Undo canceled: the order stays canceled",
        AuditKind.InvoiceReissued => "New invoice issued",
        AuditKind.RepaymentStarted => "Card repayment started",
        AuditKind.RepaymentReminderSent => "Repayment reminder sent",
        AuditKind.StockReReserved => "Stock re-reserved",
        AuditKind.UndoAsked => "The shopper asked to keep the order",
        AuditKind.RefundReversed => "Refund reversed by Stripe",
        AuditKind.FeeInvoiceIssued => "Cancellation-fee invoice issued",
        AuditKind.CardRefundAmountDiffers => "Card refund amount differs",
        _ => throw Unnamed(kind),
    };

    public static string ToDisplay(this PaymentMethod method) => method switch
    {
        PaymentMethod.None => "No payment needed",
        PaymentMethod.Card => "Card",
        PaymentMethod.BankDeposit => "Bank deposit",
        PaymentMethod.Points => "Loyalty points",
        PaymentMethod.StoreCredit => "Store credit",
        PaymentMethod.CashOnDelivery => "Cash on delivery",
        _ => throw Unnamed(method),
    };

    public static string ToDisplay(this FulfillmentStatus status) => status switch
    {
        FulfillmentStatus.Unfulfilled => "Not shipped yet",
        FulfillmentStatus.FulfillmentInProgress => "Being packed",
        FulfillmentStatus.Shipped => "Shipped",
        FulfillmentStatus.InTransit => "In transit",
        FulfillmentStatus.Delivered => "Delivered",
        FulfillmentStatus.ReturnedToSender => "Returned to sender",
        _ => throw Unnamed(status),
    };

    public static string ToDisplay(this SupplierOrderStatus status) => status switch
    {
        SupplierOrderStatus.None => "Shipped by the store",
        SupplierOrderStatus.Placed => "Placed with the supplier",
        SupplierOrderStatus.Shipped => "Shipped by the supplier",
        SupplierOrderStatus.Canceled => "Canceled with the supplier",
        _ => throw Unnamed(status),
    };

    /// <summary>Lower case: it is read inside sentences ("refunded by store credit").</summary>
    public static string ToDisplay(this RefundMethod method) => method switch
    {
        RefundMethod.OriginalPayment => "original card payment",
        RefundMethod.StoreCredit => "store credit",
        RefundMethod.BankTransfer => "bank transfer",
        RefundMethod.Points => "points",
        _ => throw Unnamed(method),
    };

    public static string ToDisplay(this RepaymentMethod method) => method switch
    {
        RepaymentMethod.BankTransfer => "Bank transfer",
        RepaymentMethod.Card => "Card",
        _ => throw Unnamed(method),
    };

    public static string ToDisplay(this RepaymentStatus status) => status switch
    {
        RepaymentStatus.Pending => "Waiting for the payment",
        RepaymentStatus.Received => "Received",
        _ => throw Unnamed(status),
    };

    /// <summary>What an undo does with one refund, as the Undo page lists it.</summary>
    public static string ToDisplay(this UndoStep step) => step switch
    {
        UndoStep.NothingWentBack => "No money went back: nothing to do",
        UndoStep.CancelAtProvider => "Still pending: the payment provider is asked to cancel it (if it can no longer, the amount is due)",
        UndoStep.WithdrawTransfer => "Not sent yet: the bank transfer is withdrawn",
        UndoStep.TakeBackFromLedger => "Taken back from the shopper's balance",
        UndoStep.DueFromShopper => "The shopper pays it back",
        UndoStep.CheckWithProvider => "Failed after it had succeeded: check with the payment provider whether the money came back, and record the outcome",
        _ => throw Unnamed(step),
    };

    public static string ToDisplay(this RefundStatus status) => status switch
    {
        RefundStatus.Pending => "Pending",
        RefundStatus.Succeeded => "Succeeded",
        RefundStatus.Failed => "Failed",
        RefundStatus.Canceled => "Canceled",
        RefundStatus.Reversed => "Reversed by Stripe",
        _ => throw Unnamed(status),
    };

    public static string ToDisplay(this ActorKind kind) => kind switch
    {
        ActorKind.Shopper => "Shopper",
        ActorKind.Staff => "Staff",
        ActorKind.System => "System",
        _ => throw Unnamed(kind),
    };

    public static string ToDisplay(this EmailState state) => state switch
    {
        EmailState.Waiting => "Waiting to send",
        EmailState.Retrying => "Retrying",
        EmailState.Sent => "Sent",
        EmailState.Delivered => "Delivered",
        EmailState.Failed => "Failed",
        EmailState.Bounced => "Bounced",
        EmailState.Dropped => "Dropped by the mail service",
        EmailState.SpamReported => "Reported as spam",
        _ => throw Unnamed(state),
    };

    public static string ToDisplay(this EmailStateFilter filter) => filter switch
    {
        EmailStateFilter.All => "Any status",
        EmailStateFilter.Waiting => "Waiting or retrying",
        EmailStateFilter.Sent => "Sent",
        EmailStateFilter.Delivered => "Delivered",
        EmailStateFilter.NotReceived => "Not received (failed, bounced, dropped)",
        EmailStateFilter.SpamReported => "Reported as spam",
        _ => throw Unnamed(filter),
    };

    private static ArgumentOutOfRangeException Unnamed(Enum value) =>
        new(nameof(value), value, $"{value.GetType().Name} has no display name for this value.");
}
