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
}

/// <summary>Sends card refunds to the payment provider.</summary>
public interface IPaymentGateway
{
    /// <summary>False when no provider is configured: the card refund method is then shown disabled.</summary>
    bool IsAvailable { get; }

    /// <summary>How staff see the gateway, e.g. "Stripe" or "Sandbox — no money moves".</summary>
    string DisplayName { get; }

    Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken);
}

/// <summary>The gateway when none is configured: every card refund is refused with an explanation.</summary>
public sealed class NoPaymentGateway : IPaymentGateway
{
    public bool IsAvailable => false;

    public string DisplayName => "No card gateway configured";

    public Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayRefundResult.Failure("Card refunds are not available: no payment gateway is configured."));
}
