using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.Portal.Orders;

/// <summary>
/// Which steps of a request's history the shopper sees. The audit trail is written for staff: it also holds the
/// back office's own bookkeeping (decisions, staff notes, credit notes, refund attempts in flight). The shopper
/// sees the request itself, every change of its status, and money that actually went back to them.
/// </summary>
public static class ShopperHistory
{
    private static readonly AuditKind[] Shown =
    [
        AuditKind.Requested, AuditKind.Accepted, AuditKind.Rejected, AuditKind.Withdrawn, AuditKind.Canceled,
        AuditKind.UndoStarted, AuditKind.Undone, AuditKind.RepaymentReceived, AuditKind.UndoAsked, AuditKind.UndoCanceled,

        // The refund steps that tell the shopper their money is back.
        AuditKind.RefundIssued, AuditKind.CardRefundSucceeded, AuditKind.BankTransferRecorded,
    ];

    public static IQueryable<AuditEntry> ShownToShopper(this IQueryable<AuditEntry> entries) =>
        entries.Where(a => Shown.Contains(a.Kind));
}
