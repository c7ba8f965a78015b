using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CancellationPortal.BackOffice;

/// <summary>The decision form, shared by a request's page and by canceling an order nobody asked for.</summary>
public sealed class DecisionForm
{
    public DecisionReason? Reason { get; set; }
    public string? ReasonNote { get; set; }
    public RefundMethod? Method { get; set; }

    /// <summary>As typed: read with the order's currency. Empty means the full paid amount.</summary>
    public string? Amount { get; set; }

    /// <summary>Keep the whole amount of a paid order: an explicit choice, never a 0 typed by mistake.</summary>
    public bool RefundNothing { get; set; }

    public string? KeptReason { get; set; }
    public bool RefundNow { get; set; } = true;
    public bool Restock { get; set; } = true;
    public bool NotifyShopper { get; set; } = true;
    public string? StaffNote { get; set; }

    /// <summary>The use case's input, or null with each problem added to <paramref name="modelState"/> beside its field.</summary>
    public DecisionInput? ToInput(string currency, ModelStateDictionary modelState, string prefix)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Reason is null)
        {
            modelState.AddModelError($"{prefix}.{nameof(Reason)}", "Choose a reason.");
        }

        decimal? amount = null;
        if (!string.IsNullOrWhiteSpace(Amount))
        {
            amount = AmountText.Parse(Amount, currency, out var error);
            if (error is not null)
            {
                modelState.AddModelError($"{prefix}.{nameof(Amount)}", error);
            }
        }

        return modelState.IsValid
            ? new DecisionInput(Reason!.Value, ReasonNote, Method, amount, KeptReason, RefundNow, Restock, NotifyShopper, StaffNote, RefundNothing)
            : null;
    }
}

/// <summary>What the decision form shows besides the inputs.</summary>
/// <param name="PointsUnavailable">Why points are not offered for this order (another currency), or null.</param>
/// <param name="DropShip">Shipped by a supplier: there is nothing to put back in the store's stock.</param>
public sealed record DecisionFormContext(decimal Refundable, string Currency, string? CardUnavailable, string? PointsUnavailable, string GatewayName, bool DropShip)
{
    public static DecisionFormContext For(Order order, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(rules);
        return new(
            order.RefundableAmount,
            order.Currency,
            rules.WhyNot(order, RefundMethod.OriginalPayment),
            rules.WhyNot(order, RefundMethod.Points),
            rules.GatewayName,
            order.IsDropShip);
    }
}
