namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>A webhook event already handled. Its id is the primary key, so a second delivery cannot apply twice.</summary>
public sealed class ProcessedWebhookEvent
{
    private ProcessedWebhookEvent()
    {
    }

    public ProcessedWebhookEvent(string id, string type, DateTimeOffset receivedAt)
    {
        Id = id;
        Type = type;
        ReceivedAt = receivedAt;
    }

    public string Id { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
}

/// <summary>A card payment Stripe confirmed (payment_intent.succeeded), e.g. a shopper paying again after an undo.</summary>
public sealed class CardPayment
{
    private CardPayment()
    {
    }

    public CardPayment(string paymentIntentId, string? orderNumber, decimal amount, string currency, DateTimeOffset succeededAt)
    {
        PaymentIntentId = paymentIntentId;
        OrderNumber = orderNumber;
        Amount = amount;
        Currency = currency;
        SucceededAt = succeededAt;
    }

    public string PaymentIntentId { get; private set; } = "";

    /// <summary>From the payment intent's metadata[order_number], when the shop set it.</summary>
    public string? OrderNumber { get; private set; }

    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public DateTimeOffset SucceededAt { get; private set; }
}
