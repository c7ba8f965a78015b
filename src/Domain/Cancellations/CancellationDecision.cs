using System.Globalization;
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
    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Reason.ToDisplay()}; {(RefundMethod is { } method ? $"refund {RefundAmount} by {method.ToDisplay()}{(RefundNow ? "" : " (later)")}" : "refund nothing")}{(KeptReason is null ? "" : $"; kept: {KeptReason}")}; restock {(Restock ? "yes" : "no")}");
}
