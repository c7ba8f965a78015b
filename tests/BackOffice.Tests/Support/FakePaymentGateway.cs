using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>A card gateway the test switches on and off and tells how to answer; it records what it was asked.</summary>
public sealed class FakePaymentGateway : IPaymentGateway
{
    public bool IsAvailable { get; set; }

    public string DisplayName => "Test gateway";

    public GatewayRefundResult NextOutcome { get; set; } = GatewayRefundResult.Success("re_test");

    /// <summary>Runs when the gateway is called, e.g. to look at the database at that moment.</summary>
    public Func<GatewayRefundRequest, Task>? OnRefund { get; set; }

    public List<GatewayRefundRequest> Calls { get; } = [];

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        if (OnRefund is not null)
        {
            await OnRefund(request);
        }

        return NextOutcome;
    }

    /// <summary>Reconciliation finds nothing: the test decides every outcome through <see cref="RefundAsync"/>.</summary>
    public Task<GatewayRefundResult?> FindRefundAsync(GatewayRefundLookup lookup, CancellationToken cancellationToken) =>
        Task.FromResult<GatewayRefundResult?>(null);

    /// <summary>What the provider answers to canceling a pending card refund.</summary>
    public GatewayRefundCancel NextCancel { get; set; } = GatewayRefundCancel.Done;

    public List<GatewayRefundCancelRequest> Cancels { get; } = [];

    /// <summary>Payments opened, by reference, and whether the shopper paid them.</summary>
    public Dictionary<string, (Money Amount, bool Paid)> Payments { get; } = [];

    public Task<GatewayRefundCancel> CancelRefundAsync(GatewayRefundCancelRequest request, CancellationToken cancellationToken)
    {
        Cancels.Add(request);
        return Task.FromResult(NextCancel);
    }

    public Task<GatewayPaymentStart> StartPaymentAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reference = $"cs_test_{request.IdempotencyKey:N}";
        Payments.TryAdd(reference, (request.Amount, false));
        return Task.FromResult(new GatewayPaymentStart(reference, new Uri($"https://pay.example/{reference}")));
    }

    public Task<Money?> FindPaymentAsync(string paymentReference, CancellationToken cancellationToken) =>
        Task.FromResult(Payments.TryGetValue(paymentReference, out var payment) && payment.Paid ? payment.Amount : (Money?)null);

    public void Reset()
    {
        NextCancel = GatewayRefundCancel.Done;
        Cancels.Clear();
        Payments.Clear();
        IsAvailable = false;
        NextOutcome = GatewayRefundResult.Success("re_test");
        OnRefund = null;
        Calls.Clear();
    }
}
