using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// The one definition of what is left to refund on a decided cancellation and of the amount a refund may have.
/// A refund still on its way counts as gone, so a second one cannot be issued for the same money while the first
/// is pending. <see cref="CancellationRequest"/> applies them to its own refunds.
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

    /// <summary>Why an amount cannot be refunded out of <paramref name="left"/>, or null when it can: the only amount check.</summary>
    public static Error? WhyNot(decimal amount, Money left)
    {
        if (amount <= 0m)
        {
            return Error.Invalid("The refund amount must be more than zero.", "Amount");
        }

        if (amount > left.Amount)
        {
            return Error.Invalid($"The refund of {Money.Format(amount, left.Currency)} is more than what is left to refund ({left}).", "Amount");
        }

        return Money.FitsCurrency(amount, left.Currency)
            ? null
            : Error.Invalid($"{left.Currency} amounts cannot have that many decimals.", "Amount");
    }
}
