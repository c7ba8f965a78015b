using System.Collections.Concurrent;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>
/// The card gateway when no Stripe key is configured: behaves like Stripe's test mode (refunds succeed at
/// once, ids look like re_sandbox_..., the same key replays the first outcome) and moves no money.
/// </summary>
public sealed class SandboxPaymentGateway : IPaymentGateway
{
    private readonly ConcurrentDictionary<Guid, (GatewayRefundRequest Request, string RefundId)> _refunds = new();

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
}
