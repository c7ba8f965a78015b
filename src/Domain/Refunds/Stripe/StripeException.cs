namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>Stripe refused a request, or could not be reached after every retry.</summary>
public sealed class StripeException : Exception
{
    public StripeException()
    {
    }

    public StripeException(string message)
        : base(message)
    {
    }

    public StripeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public int? StatusCode { get; init; }

    /// <summary>api_error, card_error, idempotency_error, invalid_request_error.</summary>
    public string? Type { get; init; }

    public string? Code { get; init; }
    public string? DeclineCode { get; init; }
    public string? Param { get; init; }

    /// <summary>
    /// True when we cannot know whether Stripe acted on the request: the network failed, every attempt timed
    /// out, or Stripe answered 409/429/5xx. The refund must then be looked up again, never re-issued with a
    /// new key.
    /// </summary>
    public bool OutcomeUnknown { get; init; }

    /// <summary>What staff read: plain words, no Stripe jargon.</summary>
    public string StaffMessage => StripeMessages.ForStaff(this);

    internal static StripeException Unreachable(Exception cause) =>
        new("Stripe could not be reached.", cause) { OutcomeUnknown = true };
}
