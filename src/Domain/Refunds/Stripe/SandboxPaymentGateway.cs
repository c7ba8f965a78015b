using System.Collections.Concurrent;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>
/// The card gateway when no Stripe key is configured: behaves like Stripe's test mode (refunds succeed at
/// once, ids look like re_sandbox_..., the same key replays the first outcome) and moves no money.
/// </summary>
public sealed class SandboxPaymentGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<Guid, (GatewayRefundRequest Request, string RefundId)> _refunds = new();
    private readonly ConcurrentDictionary<string, (Money Amount, bool Paid)> _payments = new();

    public bool IsAvailable => true;

    public string DisplayName => "Sandbox — no money moves";

    public Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var stored = _refunds.GetOrAdd(request.IdempotencyKey, _ => (request, $"re_sandbox_{Guid.NewGuid():N}"));

        // Like Stripe: a key reused with other details is refused rather than paying something else.
        if (stored.Request.PaymentReference != request.PaymentReference || stored.Request.Amount != request.Amount)
        {
            return Task.FromResult(GatewayRefundResult.Failure("This refund was already sent with different details, so it was not sent again."));
        }

        return Task.FromResult(GatewayRefundResult.Success(stored.RefundId));
    }

    public Task<GatewayRefundResult?> FindRefundAsync(GatewayRefundLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (_refunds.TryGetValue(lookup.IdempotencyKey, out var stored))
        {
            return Task.FromResult<GatewayRefundResult?>(GatewayRefundResult.Success(stored.RefundId));
        }

        var byProviderId = _refunds.Values.FirstOrDefault(v => v.RefundId == lookup.ProviderRefundId);
        return Task.FromResult<GatewayRefundResult?>(byProviderId.RefundId is null ? null : GatewayRefundResult.Success(byProviderId.RefundId));
    }

    /// <summary>Sandbox refunds succeed at once, so there is never one left to cancel.</summary>
    public Task<GatewayRefundCancel> CancelRefundAsync(GatewayRefundCancelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = request.ProviderRefundId is null ? null : GatewayRefundResult.Success(request.ProviderRefundId);
        return Task.FromResult(GatewayRefundCancel.Refused(current, "The sandbox has already paid this refund."));
    }

    /// <summary>No payment page of its own: the portal shows its sandbox page, whose button calls <see cref="Pay"/>.</summary>
    public Task<GatewayPaymentStart> StartPaymentAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = $"cs_sandbox_{request.IdempotencyKey:N}";
        _payments.TryAdd(reference, (request.Amount, false));
        return Task.FromResult(new GatewayPaymentStart(reference, null));
    }

    public Task<Money?> FindPaymentAsync(string paymentReference, CancellationToken cancellationToken) =>
        Task.FromResult(_payments.TryGetValue(paymentReference, out var payment) && payment.Paid ? payment.Amount : (Money?)null);

    /// <summary>The sandbox payment page's button: the payment is paid in full. False for a payment it never opened.</summary>
    public bool Pay(string paymentReference)
    {
        ArgumentNullException.ThrowIfNull(paymentReference);
        if (!_payments.TryGetValue(paymentReference, out var payment))
        {
            return false;
        }

        _payments[paymentReference] = payment with { Paid = true };
        return true;
    }
}
