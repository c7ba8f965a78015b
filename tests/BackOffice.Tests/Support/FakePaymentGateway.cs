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

    public void Reset()
    {
        IsAvailable = false;
        NextOutcome = GatewayRefundResult.Success("re_test");
        OnRefund = null;
        Calls.Clear();
    }
}
