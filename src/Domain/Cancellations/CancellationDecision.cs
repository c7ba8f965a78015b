using System.Globalization;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>What staff decided when completing a cancellation.</summary>
public sealed record CancellationDecision(
    DecisionReason Reason,
    string? ReasonNote,
    RefundMethod RefundMethod,
    decimal RefundAmount,
    string? KeptReason,
    bool RefundNow,
    bool Restock,
    bool NotifyShopper,
    string? StaffNote)
{
    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Reason.ToDisplay()}; refund {RefundAmount} by {RefundMethod.ToDisplay()}{(RefundNow ? "" : " (later)")}; restock {(Restock ? "yes" : "no")}");
}
