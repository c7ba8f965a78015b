using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice;

/// <summary>The decision form, shared by a request's page and by canceling an order nobody asked for.</summary>
public sealed class DecisionForm
{
    public DecisionReason? Reason { get; set; }
    public string? ReasonNote { get; set; }
    public RefundMethod? Method { get; set; }

    /// <summary>Empty means the full paid amount.</summary>
    public decimal? Amount { get; set; }

    public string? KeptReason { get; set; }
    public bool RefundNow { get; set; } = true;
    public bool Restock { get; set; } = true;
    public bool NotifyShopper { get; set; } = true;
    public string? StaffNote { get; set; }

    /// <summary>The use case's input, or null with the missing choice named.</summary>
    public DecisionInput? ToInput(out string? missing)
    {
        missing = Reason is null ? "Choose a reason." : Method is null ? "Choose a refund method." : null;
        return missing is null
            ? new DecisionInput(Reason!.Value, ReasonNote, Method!.Value, Amount, KeptReason, RefundNow, Restock, NotifyShopper, StaffNote)
            : null;
    }
}

/// <summary>What the decision form shows besides the inputs.</summary>
public sealed record DecisionFormContext(decimal Refundable, string Currency, string? CardUnavailable, string GatewayName);
