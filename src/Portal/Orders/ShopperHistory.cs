using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.Portal.Orders;

/// <summary>
/// Which steps of a request's history the shopper sees. The audit trail is written for staff: it also holds the
/// back office's own bookkeeping (decisions, staff notes, credit notes, refund attempts in flight). The shopper
/// sees the request itself, every change of its status, and money that actually went back to them.
/// </summary>
public static class ShopperHistory
{
    /// <summary>The refund steps that tell the shopper their money is back; the names the refund use cases record.</summary>
    private static readonly string[] RefundOutcomes = ["Refund issued", "Card refund succeeded", "Bank transfer recorded"];

    public static IQueryable<AuditEntry> ShownToShopper(this IQueryable<AuditEntry> entries) =>
        entries.Where(a => a.FromStatus == null || a.FromStatus != a.ToStatus || RefundOutcomes.Contains(a.Action));
}
