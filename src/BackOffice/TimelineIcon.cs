using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Web;

namespace CancellationPortal.BackOffice;

/// <summary>The mark beside a step of a request's timeline: a glyph for its kind and the tone of what it means.</summary>
public static class TimelineIcon
{
    public static (string Glyph, StatusTone Tone) Of(AuditKind kind) => kind switch
    {
        AuditKind.Requested => ("✉", StatusTone.Waiting),
        AuditKind.Accepted or AuditKind.DecisionRecorded => ("✓", StatusTone.InProgress),
        AuditKind.Rejected or AuditKind.Withdrawn => ("✕", StatusTone.Refused),
        AuditKind.StaffNote => ("✎", StatusTone.Neutral),
        AuditKind.FulfillmentReverted or AuditKind.CanceledWithSupplier => ("↩", StatusTone.InProgress),
        AuditKind.RefundIssued or AuditKind.CardRefundStarted or AuditKind.BankTransferStarted => ("↗", StatusTone.Waiting),
        AuditKind.CardRefundSucceeded or AuditKind.BankTransferRecorded or AuditKind.Canceled or AuditKind.RepaymentReceived => ("✓", StatusTone.Done),
        AuditKind.CardRefundFailed or AuditKind.CardRefundOutcomeUnknown or AuditKind.RefundReversed or AuditKind.CardRefundAmountDiffers => ("!", StatusTone.Problem),
        AuditKind.CreditNoteIssued or AuditKind.FeeInvoiceIssued => ("▤", StatusTone.Neutral),
        AuditKind.UndoStarted or AuditKind.Undone or AuditKind.BankTransferCanceled => ("↺", StatusTone.Refused),
        _ => ("•", StatusTone.Neutral),
    };
}
