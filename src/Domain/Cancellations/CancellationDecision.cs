using System.Globalization;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>What staff decided when completing a cancellation. No refund method when nothing is refunded.</summary>
public sealed record CancellationDecision(
    DecisionReason Reason,
    string? ReasonNote,
    RefundMethod? RefundMethod,
    decimal RefundAmount,
    string? KeptReason,
    bool RefundNow,
    bool Restock,
    bool NotifyShopper,
    string? StaffNote)
{
    /// <param name="currency">The order's currency: the amount is written with it and its decimals.</param>
    public string Summary(string currency) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Reason.ToDisplay()}; {(RefundMethod is { } method ? $"refund {Money.Format(RefundAmount, currency)} by {method.ToDisplay()}{(RefundNow ? "" : " (later)")}" : "refund nothing")}{(KeptReason is null ? "" : $"; kept: {KeptReason}")}; restock {(Restock ? "yes" : "no")}");
}
