using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// The email a shopper receives when staff canceled the order: why, when the store canceled it on its own; what
/// went back and how; and what the store kept and why.
/// </summary>
public static class CanceledEmail
{
    public static EmailMessage Build(Order order, CancellationRequest request, IEnumerable<Refund> refunds)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(refunds);
        var refunded = refunds.Where(r => r.Status == RefundStatus.Succeeded).Select(r => new RefundedMoney(r.Money, r.Method)).ToList();
        return EmailTemplates.Build(
            order,
            $"Order {order.Number} is canceled",
            $"""
            Order {order.Number} was canceled on {EmailTemplates.Stamp(request.ClosedAt ?? request.LastChangedAt)}{(request.RequestedByKind == ActorKind.Shopper ? ", as you asked" : "")}.
            {WhyTheStoreCanceled(request)}{ShopperSentences.Canceled(order, refunded, request.Decision?.KeptReason)}
            """);
    }

    /// <summary>A shopper who did not ask for the cancellation is told the store's reason, with the note staff wrote for it.</summary>
    private static string WhyTheStoreCanceled(CancellationRequest request) =>
        request.RequestedByKind == ActorKind.Shopper || request.Decision is not { } decision
            ? ""
            : $"Why we canceled it: {decision.Reason.ToDisplay()}{(decision.ReasonNote is null ? "" : $". {decision.ReasonNote}")}\n";
}
