using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Refunds;

public enum RefundMethod
{
    /// <summary>Back to the card the shopper paid with (Stripe).</summary>
    OriginalPayment,
    StoreCredit,
    BankTransfer,
    Points,
}

public enum RefundStatus
{
    Pending,
    Succeeded,
    Failed,
    Canceled,

    /// <summary>Reported as succeeded, then failed at the provider after all: the money did not reach the shopper.</summary>
    Reversed,
}

/// <summary>
/// Money going back to a shopper. The row is committed before any provider is called, and its id is the
/// provider's idempotency key, so a retry or a restart can never pay twice.
/// </summary>
public sealed class Refund
{
    private Refund()
    {
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid OrderId { get; private set; }
    public RefundMethod Method { get; private set; }
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public RefundStatus Status { get; private set; }

    /// <summary>Stripe refund id (re_...), bank transfer reference, or ledger entry.</summary>
    public string? ProviderReference { get; private set; }

    public string? FailureReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    public string CreatedByName { get; private set; } = "";

    public Money Money => new(Amount, Currency);

    /// <summary>Counts toward what went back: settled, or still on its way.</summary>
    public bool Counts => Status is RefundStatus.Pending or RefundStatus.Succeeded;

    /// <summary>True when an amount the provider reports is this refund's, whatever case it writes the currency in.</summary>
    public bool IsAmount(Money reported) =>
        reported.Amount == Amount && string.Equals(reported.Currency, Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>Only a request creates its refunds (<see cref="Cancellations.CancellationRequest.IssueRefund"/>), after checking the amount.</summary>
    internal static Refund Create(Guid requestId, Guid orderId, RefundMethod method, Money amount, string createdByName, DateTimeOffset now)
    {
        if (amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A refund must be positive.");
        }

        return new Refund
        {
            Id = Guid.NewGuid(),
            RequestId = requestId,
            OrderId = orderId,
            Method = method,
            Amount = amount.Amount,
            Currency = amount.Currency,
            Status = RefundStatus.Pending,
            CreatedAt = now,
            CreatedByName = createdByName,
        };
    }

    public Result Succeed(string? providerReference, DateTimeOffset now)
    {
        if (Status is RefundStatus.Failed or RefundStatus.Canceled)
        {
            return Error.Conflict($"A {Status.ToString().ToLowerInvariant()} refund cannot succeed.");
        }

        Status = RefundStatus.Succeeded;
        ProviderReference = providerReference ?? ProviderReference;
        FailureReason = null;
        SettledAt ??= now;
        return Result.Ok();
    }

    public Result Fail(string reason, DateTimeOffset now)
    {
        if (Status == RefundStatus.Canceled)
        {
            return Error.Conflict("A canceled refund cannot fail.");
        }

        Status = RefundStatus.Failed;
        FailureReason = reason;
        SettledAt = now;
        return Result.Ok();
    }

    /// <summary>The provider failed a refund it had reported as succeeded (a card closed in between, for one).</summary>
    public Result Reverse(string reason, DateTimeOffset now)
    {
        if (Status != RefundStatus.Succeeded)
        {
            return Error.Conflict($"Only a succeeded refund can be reversed; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = RefundStatus.Reversed;
        FailureReason = reason;
        SettledAt = now;
        return Result.Ok();
    }

    public Result Cancel(DateTimeOffset now)
    {
        if (Status == RefundStatus.Failed)
        {
            return Error.Conflict("A failed refund cannot be canceled.");
        }

        Status = RefundStatus.Canceled;
        SettledAt = now;
        return Result.Ok();
    }

    /// <summary>
    /// The provider reports another amount or currency than we asked for: the refund stays unsettled (it still
    /// counts, as the money may be on its way) and says why, until staff have looked at it.
    /// </summary>
    /// <returns>False when it was held for this very reason already.</returns>
    public bool HoldForReview(string reason, string? providerReference)
    {
        if (Status != RefundStatus.Pending || (FailureReason == reason && (providerReference is null || ProviderReference == providerReference)))
        {
            return false;
        }

        FailureReason = reason;
        ProviderReference = providerReference ?? ProviderReference;
        return true;
    }

    /// <summary>The provider accepted the refund but has not settled it yet.</summary>
    public void RecordProviderReference(string providerReference) => ProviderReference = providerReference;
}
