using System.Globalization;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// What staff fill in on the decision form. A null amount means the full refundable amount; the method is
/// needed only when money goes back. Keeping the whole amount of a paid order takes an explicit
/// <paramref name="RefundNothing"/> with its reason in <paramref name="KeptReason"/>, so an amount of 0 is never a slip.
/// </summary>
public sealed record DecisionInput(
    DecisionReason Reason,
    string? ReasonNote,
    RefundMethod? Method,
    decimal? Amount,
    string? KeptReason,
    bool RefundNow,
    bool Restock,
    bool NotifyShopper,
    string? StaffNote,
    bool RefundNothing = false);

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
    public const int MaxNoteLength = 1000;

    /// <param name="currency">The order's currency: the amount is written with it and its decimals.</param>
    public string Summary(string currency) => string.Create(
        CultureInfo.InvariantCulture,
        $"{Reason.ToDisplay()}; {(RefundMethod is { } method ? $"refund {Money.Format(RefundAmount, currency)} by {method.ToDisplay()}{(RefundNow ? "" : " (later)")}" : "refund nothing")}{(KeptReason is null ? "" : $"; kept: {KeptReason}")}; restock {(Restock ? "yes" : "no")}");

    /// <summary>What the store keeps of what the shopper paid for the order, or null when everything goes back.</summary>
    public Money? Kept(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.RefundableAmount - RefundAmount is > 0m and var kept ? new Money(kept, order.Currency) : null;
    }

    /// <summary>The decision the form describes for this order, or why it cannot be taken; nothing is recorded.</summary>
    public static Result<CancellationDecision> For(Order order, DecisionInput input, RefundRules rules)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        if (!Enum.IsDefined(input.Reason))
        {
            return Error.Invalid("Choose a reason from the list.", nameof(DecisionInput.Reason));
        }

        if (input.Method is { } chosen && !Enum.IsDefined(chosen))
        {
            return Error.Invalid("Choose a refund method from the list.", nameof(DecisionInput.Method));
        }

        if (input.Reason == DecisionReason.Other && string.IsNullOrWhiteSpace(input.ReasonNote))
        {
            return Error.Invalid("Describe the reason when choosing \"Other\".", nameof(DecisionInput.ReasonNote));
        }

        if (input.ReasonNote?.Length > MaxNoteLength || input.KeptReason?.Length > MaxNoteLength || input.StaffNote?.Length > MaxNoteLength)
        {
            return Error.Invalid($"Notes can be at most {MaxNoteLength} characters.");
        }

        var refundable = new Money(order.RefundableAmount, order.Currency);
        var keepsAll = input.RefundNothing && refundable.Amount > 0m;
        if (keepsAll && input.Amount is > 0m)
        {
            return Error.Invalid("“Refund nothing” is chosen: leave the amount empty, or untick it to refund that amount.", nameof(DecisionInput.Amount));
        }

        var amount = keepsAll ? 0m : input.Amount ?? refundable.Amount;
        if (amount < 0m)
        {
            return Error.Invalid("The refund amount cannot be negative.", nameof(DecisionInput.Amount));
        }

        if (amount == 0m && refundable.Amount > 0m && !keepsAll)
        {
            return Error.Invalid($"A refund of 0 keeps all {refundable} the shopper paid: to do that, choose “Refund nothing” and give the reason.", nameof(DecisionInput.Amount));
        }

        if (amount > 0m && RefundBalance.WhyNot(amount, refundable) is { } wrongAmount)
        {
            return wrongAmount;
        }

        if (amount < refundable.Amount && string.IsNullOrWhiteSpace(input.KeptReason))
        {
            return Error.Invalid(keepsAll
                ? $"Give the reason the store keeps all {refundable}: the shopper is told it."
                : $"A partial refund needs a reason for the {Money.Format(refundable.Amount - amount, order.Currency)} the store keeps.", nameof(DecisionInput.KeptReason));
        }

        // A method only matters when money goes back; with nothing to refund none is asked for or kept.
        var method = amount > 0m ? input.Method : null;
        if (amount > 0m && method is null)
        {
            return Error.Invalid("Choose a refund method.", nameof(DecisionInput.Method));
        }

        if (method is { } refundMethod && rules.WhyNot(order, refundMethod) is { } refused)
        {
            return Error.NotAllowed(refused);
        }

        return new CancellationDecision(
            input.Reason,
            Trimmed(input.ReasonNote),
            method,
            amount,
            amount < refundable.Amount ? Trimmed(input.KeptReason) : null,
            input.RefundNow,
            input.Restock && !order.IsDropShip,
            input.NotifyShopper,
            Trimmed(input.StaffNote));
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
