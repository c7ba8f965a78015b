using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// The one definition of what is left to refund on a decided cancellation, shared by the refund form, the
/// amount check when a refund is issued and the completion of the request. A refund still on its way
/// counts as gone, so a second one cannot be issued for the same money while the first is pending.
/// </summary>
public static class RefundBalance
{
    /// <summary>The decided amount less refunds that succeeded or are still on their way; nothing before a decision.</summary>
    /// <param name="currency">The order's currency, which the refunds share.</param>
    public static Money Remaining(CancellationDecision? decision, IEnumerable<Refund> refunds, string currency)
    {
        ArgumentNullException.ThrowIfNull(refunds);
        var left = decision is null ? 0m : decision.RefundAmount - refunds.Where(r => r.Counts).Sum(r => r.Amount);
        return new Money(left, currency);
    }

    /// <summary>True when the decided amount went back in full and no refund is still waiting for its outcome.</summary>
    public static bool SettledInFull(CancellationDecision? decision, IReadOnlyCollection<Refund> refunds, string currency) =>
        decision is not null
        && refunds.All(r => r.Status != RefundStatus.Pending)
        && Remaining(decision, refunds, currency).Amount <= 0m;
}
