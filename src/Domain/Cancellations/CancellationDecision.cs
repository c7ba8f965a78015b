using CancellationPortal.Domain.Common;
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
    /// <param name="currency">The order's currency: the amount is written with it and its decimals.</param>
    public string Summary(string currency) =>
        $"{Reason.ToDisplay()}; refund {Money.Format(RefundAmount, currency)} by {RefundMethod.ToDisplay()}{(RefundNow ? "" : " (later)")}; restock {(Restock ? "yes" : "no")}";
}
