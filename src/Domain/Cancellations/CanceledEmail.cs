using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Invoicing;
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
    /// <param name="feeInvoice">The invoice for what the store kept, when the invoice was reversed.</param>
    public static EmailMessage Build(Order order, CancellationRequest request, IEnumerable<Refund> refunds, CancellationFeeInvoice? feeInvoice)
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
            {WhyTheStoreCanceled(request)}{ShopperSentences.Canceled(order, refunded, request.Decision?.KeptReason)}{FeeInvoiceLine(feeInvoice)}
            """,
            EmailTemplateNames.Canceled);
    }

    private static string FeeInvoiceLine(CancellationFeeInvoice? feeInvoice) =>
        feeInvoice is null ? "" : $"\nYou receive invoice {feeInvoice.Number}, an invoice of {feeInvoice.Money} for {feeInvoice.Reason}.";

    /// <summary>A shopper who did not ask for the cancellation is told the store's reason, with the note staff wrote for it.</summary>
    private static string WhyTheStoreCanceled(CancellationRequest request) =>
        request.RequestedByKind == ActorKind.Shopper || request.Decision is not { } decision
            ? ""
            : $"Why we canceled it: {decision.Reason.ToDisplay()}{(decision.ReasonNote is null ? "" : $". {decision.ReasonNote}")}\n";
}
