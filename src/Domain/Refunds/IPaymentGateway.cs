using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Refunds;

public enum GatewayRefundStatus
{
    Succeeded,

    /// <summary>Accepted by the provider, not settled yet: reconciliation settles it later.</summary>
    Pending,

    Failed,
}

/// <param name="IdempotencyKey">Our Refund row's id: a retry with the same key can never pay twice.</param>
/// <param name="PaymentReference">The provider's payment id (pi_... or ch_...).</param>
public sealed record GatewayRefundRequest(Guid IdempotencyKey, string PaymentReference, Money Amount, string OrderNumber, string Reason);

public sealed record GatewayRefundResult(GatewayRefundStatus Status, string? ProviderRefundId, string? FailureMessage)
{
    public static GatewayRefundResult Success(string providerRefundId) => new(GatewayRefundStatus.Succeeded, providerRefundId, null);
    public static GatewayRefundResult Pending(string providerRefundId) => new(GatewayRefundStatus.Pending, providerRefundId, null);
    public static GatewayRefundResult Failure(string message) => new(GatewayRefundStatus.Failed, null, message);

    /// <summary>
    /// The provider could not be reached or gave no answer: the refund may or may not exist there. The row
    /// stays pending (its id is the idempotency key) and reconciliation finds out; it must never be re-issued
    /// under a new key. <see cref="FailureMessage"/> explains this to staff.
    /// </summary>
    public static GatewayRefundResult Unknown(string message) => new(GatewayRefundStatus.Pending, null, message);

    public bool IsOutcomeUnknown => Status == GatewayRefundStatus.Pending && ProviderRefundId is null;

    /// <summary>
    /// The amount and currency the provider says it refunded, when it says: a refund is settled only when
    /// they are what was asked for.
    /// </summary>
    public Money? Reported { get; init; }
}

/// <summary>What reconciliation knows about a refund it sent earlier.</summary>
/// <param name="IdempotencyKey">Our Refund row's id, also stored in the provider's metadata as refund_id.</param>
/// <param name="ProviderRefundId">The provider's id (re_...) when the outcome was recorded; null when it never was.</param>
/// <param name="PaymentReference">The payment the refund was taken from, whose refunds are searched for the key.</param>
public sealed record GatewayRefundLookup(Guid IdempotencyKey, string? ProviderRefundId, string PaymentReference);

/// <summary>What the provider answered when asked to cancel a pending card refund.</summary>
/// <param name="Canceled">The refund is canceled: no money goes back.</param>
/// <param name="Current">Otherwise, the refund as the provider has it now, when it said.</param>
public sealed record GatewayRefundCancel(bool Canceled, GatewayRefundResult? Current, string? Message)
{
    public static readonly GatewayRefundCancel Done = new(true, null, null);

    public static GatewayRefundCancel Refused(GatewayRefundResult? current, string message) => new(false, current, message);
}

/// <param name="RefundId">Our Refund row's id: the cancel call's idempotency key is made from it.</param>
/// <param name="ProviderRefundId">The provider's id (re_...); null when the refund's outcome was never recorded.</param>
public sealed record GatewayRefundCancelRequest(Guid RefundId, string? ProviderRefundId);

/// <summary>A payment the shopper makes to pay back what an undo found due.</summary>
/// <param name="IdempotencyKey">Our Repayment row's id: starting it again never opens a second payment.</param>
/// <param name="ReturnUrl">Where the provider sends the shopper back after paying (or giving up).</param>
public sealed record GatewayPaymentRequest(Guid IdempotencyKey, Money Amount, string OrderNumber, Uri ReturnUrl);

/// <param name="PaymentReference">The provider's id of the payment (a Checkout Session cs_...).</param>
/// <param name="PayUrl">The provider's payment page; null when the portal shows its own (the sandbox).</param>
public sealed record GatewayPaymentStart(string PaymentReference, Uri? PayUrl);

/// <summary>Sends card refunds to the payment provider, cancels those it still can, and takes repayments.</summary>
public interface IPaymentGateway
{
    /// <summary>False when no provider is configured: the card refund method is then shown disabled.</summary>
    bool IsAvailable { get; }

    /// <summary>How staff see the gateway, e.g. "Stripe" or "Sandbox — no money moves".</summary>
    string DisplayName { get; }

    /// <summary>
    /// Sends a refund. Calling it again with the same <see cref="GatewayRefundRequest.IdempotencyKey"/> and the
    /// same details returns the first outcome and never pays twice.
    /// </summary>
    Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The provider's current view of a refund sent earlier, by provider id or else by our idempotency key;
    /// null when the provider has no such refund (the call never reached it).
    /// </summary>
    Task<GatewayRefundResult?> FindRefundAsync(GatewayRefundLookup lookup, CancellationToken cancellationToken);

    /// <summary>
    /// Asks the provider to cancel a refund still pending. Stripe allows it only while the refund waits for an
    /// action; otherwise the answer says what became of the refund.
    /// </summary>
    Task<GatewayRefundCancel> CancelRefundAsync(GatewayRefundCancelRequest request, CancellationToken cancellationToken);

    /// <summary>Opens a payment of what a shopper owes; the same key returns the same payment.</summary>
    Task<GatewayPaymentStart> StartPaymentAsync(GatewayPaymentRequest request, CancellationToken cancellationToken);

    /// <summary>What the shopper paid on a payment opened earlier; null while it is not paid.</summary>
    Task<Money?> FindPaymentAsync(string paymentReference, CancellationToken cancellationToken);
}
