using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice;

/// <summary>
/// The second step of an action that cannot be taken back: what is about to happen, in words, with a button
/// that posts the same form again confirmed and one that goes back to it. Works without JavaScript.
/// </summary>
/// <param name="Handler">The page handler the confirmed form posts to; null for the page's own post.</param>
public sealed record Confirmation(string? Handler, string Text, string ConfirmLabel)
{
    /// <summary>Posted by the confirm button; the first post of the form leaves it out.</summary>
    public const string ConfirmedField = "Confirmed";

    /// <summary>Posted by the go-back button: the filled form is shown again, nothing is done.</summary>
    public const string GoBackField = "GoBack";

    public static Confirmation Reject(string? handler, Order order, string reason) => new(
        handler,
        $"You are about to reject the cancellation of order {order.Number}. The shopper is emailed this reason: “{reason.Trim()}”. This cannot be undone.",
        "Confirm: reject");

    public static Confirmation Decide(string? handler, Order order, CancellationDecision decision)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(decision);
        var refund = decision.RefundMethod is { } method
            ? $"refund {Money.Format(decision.RefundAmount, order.Currency)} {Way(method)}{(decision.RefundNow ? "" : " later")} and cancel order {order.Number}"
            : $"cancel order {order.Number} with no refund";
        var kept = decision.Kept(order) is { } keeps && decision.KeptReason is { } why
            ? $" The store keeps {keeps}: “{why}”."
            : "";
        var stock = order.IsDropShip ? "" : decision.Restock ? " The items go back in stock." : " The items do not go back in stock.";
        var shopper = decision.NotifyShopper ? " The shopper is emailed." : " The shopper is not emailed.";
        return new(handler, $"You are about to {refund}.{kept}{stock}{shopper} This cannot be undone.", "Confirm: cancel the order");
    }

    public static Confirmation Refund(string? handler, Order order, RefundMethod method, decimal amount) => new(
        handler,
        $"You are about to refund {Money.Format(amount, order.Currency)} {Way(method)} for order {order.Number}. This cannot be undone.",
        "Confirm: refund");

    private static string Way(RefundMethod method) => method switch
    {
        RefundMethod.OriginalPayment => "to the original card",
        RefundMethod.StoreCredit => "as store credit",
        RefundMethod.BankTransfer => "by bank transfer",
        RefundMethod.Points => "in points",
        _ => "",
    };
}
