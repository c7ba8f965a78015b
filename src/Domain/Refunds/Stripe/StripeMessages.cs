namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>Stripe's errors and refund failure reasons in words support staff understand and can act on.</summary>
public static class StripeMessages
{
    public const string Unavailable =
        "Stripe is unavailable right now. The refund was not confirmed; it is checked again automatically, and it can never be paid twice.";

    public static string ForStaff(StripeException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.OutcomeUnknown)
        {
            return Unavailable;
        }

        return (error.Type, error.Code) switch
        {
            (_, "charge_already_refunded") => "This payment has already been refunded in full at Stripe.",
            (_, "charge_disputed") => "The shopper has disputed this payment with their bank: Stripe refuses refunds while the dispute is open.",
            (_, "amount_too_large") => "The amount is larger than Stripe accepts in one refund.",
            (_, "resource_missing") => "Stripe does not know this payment. It may belong to another Stripe account, or to test mode.",
            ("idempotency_error", _) => "This refund was already sent to Stripe with different details, so it was not sent again.",
            ("card_error", _) => $"The card refused the refund: {error.Message}",
            ("invalid_request_error", _) when error.Param == "amount" => "The refund is more than what is left to refund on this payment.",
            _ when error.StatusCode == 401 => "Stripe refused our API key: check the Stripe secret key setting.",
            _ => $"Stripe refused the refund: {error.Message}",
        };
    }

    /// <summary>Why a refund Stripe accepted failed afterwards (the refund object's failure_reason).</summary>
    public static string ForFailureReason(string? failureReason) => failureReason switch
    {
        "lost_or_stolen_card" => "The card was reported lost or stolen, so the refund could not be paid to it. Refund the shopper another way.",
        "expired_or_canceled_card" => "The card has expired or was canceled, so the refund could not be paid to it. Refund the shopper another way.",
        "charge_for_pending_refund_disputed" => "The shopper disputed the payment while the refund was on its way, so Stripe stopped the refund.",
        "insufficient_funds" => "Our Stripe balance was too low to pay the refund.",
        "declined" => "The card issuer declined the refund.",
        "merchant_request" => "The refund was canceled at our request.",
        _ => "Stripe could not complete the refund.",
    };
}
