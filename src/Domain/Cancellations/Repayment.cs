using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>How a shopper pays back money that went back to them, so an undone cancellation can complete.</summary>
public enum RepaymentMethod
{
    BankTransfer,

    /// <summary>A new card payment through the payment provider (Stripe, or the sandbox).</summary>
    Card,
}

public enum RepaymentStatus
{
    /// <summary>A card payment was started; the provider has not confirmed it yet.</summary>
    Pending,
    Received,
}

/// <summary>
/// Money the shopper paid back on an undone cancellation. A card payment's row is committed before the provider
/// is called: its id is the provider's idempotency key, so a second click or a retry never charges twice.
/// </summary>
public sealed class Repayment
{
    public const int MaxReferenceLength = 200;

    private Repayment()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public RepaymentMethod Method { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public RepaymentStatus Status { get; private set; }

    /// <summary>The bank transfer's reference, or the provider's payment id (pi_..., cs_...).</summary>
    public string? Reference { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReceivedAt { get; private set; }
    public string RecordedByName { get; private set; } = "";

    public Money Money => new(Amount, Currency);

    internal static Repayment Create(Guid requestId, RepaymentMethod method, Money amount, RepaymentStatus status, string? reference, string recordedByName, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        RequestId = requestId,
        Method = method,
        Amount = amount.Amount,
        Currency = amount.Currency,
        Status = status,
        Reference = reference,
        CreatedAt = now,
        ReceivedAt = status == RepaymentStatus.Received ? now : null,
        RecordedByName = recordedByName,
    };

    /// <summary>The provider confirmed the payment, with the amount it says it took (which may differ from what was asked).</summary>
    internal void Receive(decimal amount, string? reference, DateTimeOffset now)
    {
        Status = RepaymentStatus.Received;
        Amount = amount;
        Reference = reference ?? Reference;
        ReceivedAt = now;
    }

    internal void RecordProviderReference(string reference) => Reference = reference;
}
