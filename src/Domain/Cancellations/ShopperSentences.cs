using System.Globalization;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>A refund that went back to the shopper: its amount and how.</summary>
public sealed record RefundedMoney(Money Amount, RefundMethod Method);

/// <summary>
/// Every sentence a shopper reads about what happens to what they paid when an order is canceled or returned, on
/// the order page and in emails. Written per way of paying (money, store credit, points, nothing paid yet) and per
/// state of the shipment, in one place, so the page and the email never contradict each other.
/// </summary>
public static class ShopperSentences
{
    /// <summary>What the cancel (or return) section of an order without a request says will happen.</summary>
    public static string BeforeRequest(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var answer = CancellationPolicy.Evaluate(order, hasOpenRequest: false);
        return answer switch
        {
            PolicyAnswer.MustReturn => AfterReturn(order),
            PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier =>
                $"The order is already being prepared for shipping. You can still ask to cancel: the store will stop the shipment first, then cancel the order. {WhenCanceled(order)}",
            _ when CancellationPolicy.CancelsAtOnce(order, answer) => $"{WhenCanceled(order)} The order is canceled as soon as you confirm.",
            PolicyAnswer.Allowed => WhenCanceled(order),
            _ => answer.Describe(),
        };
    }

    /// <summary>What goes back once the order is canceled, said before it is.</summary>
    public static string WhenCanceled(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.HasMoneyToRefund)
        {
            return $"Once we accept your request, we refund {PaidMoney(order)}.{PointsAlongside(order, " go back to your account when the order is canceled.")}";
        }

        return NotMoney(order) is { } given
            ? $"{Capitalized(given.Words)} {(given.Plural ? "go" : "goes")} back to your account."
            : $"{NothingPaid(order)}, so there is nothing to refund.";
    }

    /// <summary>The return instructions' promise: what goes back once the returned parcel arrives.</summary>
    public static string AfterReturn(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.HasMoneyToRefund)
        {
            return $"Within 14 days of the return arriving we refund {PaidMoney(order)} and email you.{PointsAlongside(order, " go back to your account at the same time.")}";
        }

        return NotMoney(order) is { } given
            ? $"Within 14 days of the return arriving we give back {given.Words} and email you."
            : $"{NothingPaid(order)}, so there is nothing to refund. We email you when the return has arrived.";
    }

    /// <summary>What happens next on an accepted request, once staff decided the refund (or before they did).</summary>
    /// <param name="refundAmount">The refund staff decided on; null before they decided.</param>
    /// <param name="method">How it is refunded; none when nothing is.</param>
    public static string InProgress(Order order, decimal? refundAmount, RefundMethod? method, string? keptReason)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!order.HasMoneyToRefund)
        {
            return WhenCanceled(order);
        }

        if (refundAmount is not { } amount)
        {
            return "We are working out your refund and email you when it has been issued.";
        }

        // Refunding nothing needs no method: the sentence is then only what the store keeps and why.
        var refund = amount > 0m && method is { } by
            ? $"We refund {Format(amount, order)} by {by.ToDisplay()} and email you when the refund has been issued."
            : "";
        return Joined(refund, Kept(order, order.RefundableAmount - amount, keptReason, "keep"), PointsAlongside(order, " go back to your account when the order is canceled.").TrimStart());
    }

    /// <summary>What went back on a canceled order: the refunds that succeeded, what the store kept and why, and what was given back by itself.</summary>
    public static string Canceled(Order order, IReadOnlyCollection<RefundedMoney> refunded, string? keptReason)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(refunded);
        if (!order.HasMoneyToRefund)
        {
            return NotMoney(order) is { } given
                ? $"{Capitalized(given.Words)} {(given.Plural ? "are" : "is")} back on your account."
                : $"{NothingPaid(order, past: true)}, so there was nothing to refund.";
        }

        var refunds = refunded.Count == 0
            ? ""
            : $"We refunded {string.Join(" and ", refunded.Select(r => $"{r.Amount} by {r.Method.ToDisplay()}"))}.";
        var kept = order.RefundableAmount - refunded.Sum(r => r.Amount.Amount);
        return Joined(refunds, Kept(order, kept, keptReason, "kept"), PointsAlongside(order, " are back on your account.").TrimStart());
    }

    /// <summary>The money paid, as "the EUR 51.95 you paid by card".</summary>
    private static string PaidMoney(Order order) => order.PaymentMethod switch
    {
        PaymentMethod.Card => $"the {Format(order.RefundableAmount, order)} you paid by card",
        PaymentMethod.BankDeposit => $"the {Format(order.RefundableAmount, order)} you paid by bank deposit",
        PaymentMethod.CashOnDelivery => $"the {Format(order.RefundableAmount, order)} you paid in cash on delivery",
        _ => $"the {Format(order.RefundableAmount, order)} you paid",
    };

    /// <summary>What was paid with other than money (store credit, points): given back by itself, never "refunded".</summary>
    private static (string Words, bool Plural)? NotMoney(Order order)
    {
        var credit = order.PaymentMethod == PaymentMethod.StoreCredit && order.AmountPaid > 0m
            ? $"the {Format(order.AmountPaid, order)} in store credit"
            : null;
        var points = order.PointsRedeemed > 0
            ? string.Create(CultureInfo.InvariantCulture, $"the {order.PointsRedeemed:N0} points")
            : null;
        return (credit, points) switch
        {
            (not null, not null) => ($"{credit} and {points} you paid with", true),
            (not null, null) => ($"{credit} you paid with", false),
            (null, not null) => ($"{points} you {(order.PaymentMethod == PaymentMethod.Points ? "paid with" : "used")}", true),
            _ => null,
        };
    }

    /// <summary>Why nothing goes back: the order was not paid (yet), said per way of paying, before or after the cancellation.</summary>
    private static string NothingPaid(Order order, bool past = false) => order.PaymentMethod switch
    {
        PaymentMethod.CashOnDelivery => past ? "You had not paid cash on delivery yet" : "You pay cash on delivery and have not paid yet",
        PaymentMethod.BankDeposit => past ? "Your bank deposit had not arrived" : "Your bank deposit has not arrived",
        PaymentMethod.Card => "Nothing was charged to your card",
        _ => "Nothing was paid for this order",
    };

    /// <summary>Points used beside money go back with the refund; <paramref name="rest"/> finishes the sentence.</summary>
    private static string PointsAlongside(Order order, string rest) =>
        order.PointsRedeemed > 0
            ? string.Create(CultureInfo.InvariantCulture, $" The {order.PointsRedeemed:N0} points you used{rest}")
            : "";

    private static string Kept(Order order, decimal kept, string? reason, string verb) => kept switch
    {
        <= 0m => "",
        _ when kept == order.RefundableAmount => $"We {verb} the {Format(kept, order)} you paid{(reason is null ? "." : $": {reason}")}",
        _ => $"We {verb} {Format(kept, order)}{(reason is null ? "." : $": {reason}")}",
    };

    private static string Joined(params string[] sentences) => string.Join(" ", sentences.Where(s => s.Length > 0).Select(s => s.TrimEnd('.') + "."));

    private static string Format(decimal amount, Order order) => Money.Format(amount, order.Currency);

    private static string Capitalized(string words) => string.Concat(words[..1].ToUpperInvariant(), words[1..]);
}
