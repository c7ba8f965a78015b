using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Notifications;

/// <summary>The emails the store's support address receives when money or a payment needs a person.</summary>
public static class StaffEmails
{
    public static EmailMessage CardRefundAmountDiffers(string to, string orderNumber, Money asked, Money reported, string? providerReference) => Staff(
        to,
        $"Card refund amount differs for order {orderNumber}",
        $"""
        The card refund of {asked} for order {orderNumber} was reported as {reported} ({providerReference}).

        The refund is left unsettled and the cancellation stays in progress. Compare the refund in the payment provider's dashboard with the request, and settle it with the shopper from there.
        """,
        EmailTemplateNames.RefundAmountDiffers);

    public static EmailMessage CardRefundFailed(string to, string orderNumber, Money amount, string? reason) => Staff(
        to,
        $"Card refund failed for order {orderNumber}",
        $"""
        The card refund of {amount} for order {orderNumber} failed.
        Reason: {reason}

        The cancellation stays in progress and is flagged in the queue. Retry the refund or choose another refund method (store credit or bank transfer).
        """,
        EmailTemplateNames.RefundFailed);

    /// <param name="stillInProgress">The request can still be completed with another refund; otherwise the order is canceled already.</param>
    public static EmailMessage CardRefundReversed(string to, string orderNumber, Money amount, string? reason, bool stillInProgress) => Staff(
        to,
        $"Card refund reversed by Stripe for order {orderNumber}",
        $"""
        Stripe reported the card refund of {amount} for order {orderNumber} as succeeded, then failed it.
        Reason: {reason}

        {(stillInProgress
            ? "The cancellation stays in progress and is flagged in the queue. Retry the refund or choose another refund method."
            : "The order stays canceled, but the shopper has not been repaid: refund them another way (store credit or bank transfer) and tell them.")}
        """,
        EmailTemplateNames.RefundReversed);

    public static EmailMessage DisputeOpened(string to, string orderNumber) => Staff(
        to,
        $"Card payment disputed for order {orderNumber}",
        $"""
        The shopper disputed the card payment of order {orderNumber} with their bank.
        Card refunds for this order are blocked until the dispute is closed; answer the dispute in Stripe's dashboard.
        """,
        EmailTemplateNames.DisputeOpened);

    private static EmailMessage Staff(string to, string subject, string body, string template) =>
        new(to, subject, body) { ToName = "Support", Template = template };
}
