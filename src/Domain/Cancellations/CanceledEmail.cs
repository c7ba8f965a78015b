using System.Text;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>The email a shopper receives when staff canceled the order, with what went back and how.</summary>
public static class CanceledEmail
{
    /// <param name="feeInvoice">The invoice for what the store kept, when the invoice was reversed.</param>
    public static EmailMessage Build(Order order, CancellationRequest request, IEnumerable<Refund> refunds, CancellationFeeInvoice? feeInvoice)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(request);
        var summary = new StringBuilder();
        foreach (var refund in refunds.Where(r => r.Status == RefundStatus.Succeeded))
        {
            summary.Append("- ").Append(refund.Money.ToString()).Append(" as ").AppendLine(refund.Method.ToDisplay());
        }

        if (request.Decision?.KeptReason is { } kept)
        {
            var keptAmount = Money.Format(order.RefundableAmount - request.Decision.RefundAmount, order.Currency);
            summary.Append("- The store kept ").Append(keptAmount).Append(": ").AppendLine(kept);
            if (feeInvoice is not null)
            {
                summary.Append("- You receive invoice ").Append(feeInvoice.Number).Append(", an invoice of ").Append(feeInvoice.Money.ToString())
                    .Append(" for ").Append(feeInvoice.Reason).AppendLine(".");
            }
        }
        else if (summary.Length == 0)
        {
            summary.AppendLine("- There was no payment to refund.");
        }

        if (order.PointsRedeemed > 0 || order.PaymentMethod == PaymentMethod.StoreCredit)
        {
            summary.AppendLine("- The points or store credit you paid with are back on your account.");
        }

        return EmailTemplates.Build(
            order,
            $"Order {order.Number} is canceled",
            $"""
            Order {order.Number} was canceled on {EmailTemplates.Stamp(request.ClosedAt ?? request.LastChangedAt)}.
            Refund summary:
            {summary.ToString().TrimEnd()}
            """);
    }
}
