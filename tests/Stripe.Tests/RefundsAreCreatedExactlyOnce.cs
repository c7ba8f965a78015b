using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Stripe.Tests;

/// <summary>Whatever goes wrong on the wire, retries reuse the Refund row's id as the key and Stripe pays once.</summary>
public sealed class RefundsAreCreatedExactlyOnce : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Timeout)]
    [InlineData(Fault.Conflict)]
    [InlineData(Fault.RateLimited)]
    [InlineData(Fault.ShouldRetryTrue)]
    [InlineData(Fault.ConnectionReset)]
    [InlineData(Fault.ConnectionResetAfterSuccess)]
    [InlineData(Fault.TimeoutAfterSuccess)]
    public async Task AFaultIsRetriedWithTheSameKeyAndOneRefundIsMade(Fault fault)
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var request = StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR");
        _stripe.FailNext(fault);

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(request, CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        var refund = _stripe.RefundsWithKey(request.IdempotencyKey).ShouldHaveSingleItem();
        result.ProviderRefundId.ShouldBe(refund.Id);
        _stripe.Refunds.Count.ShouldBe(1);
        _stripe.RefundPosts.Count.ShouldBe(2);
        _stripe.RefundPosts.ShouldAllBe(p => p.IdempotencyKey == request.IdempotencyKey.ToString("D"));
    }

    [Fact]
    public async Task AnAnswerLostAfterSuccessIsReplayedByStripeOnTheRetry()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var request = StripeTestSetup.Request(charge.ChargeId, 20m, "EUR");
        _stripe.FailNext(Fault.ConnectionResetAfterSuccess);

        await StripeTestSetup.Gateway(_stripe).RefundAsync(request, CancellationToken.None);

        _stripe.RefundPosts.Select(p => p.Replayed).ShouldBe([false, true]);
        charge.AmountRefunded.ShouldBe(2000);
    }

    [Fact]
    public async Task SendingTheSameRefundTwiceReturnsTheFirstRefund()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var request = StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR");
        var gateway = StripeTestSetup.Gateway(_stripe);

        var first = await gateway.RefundAsync(request, CancellationToken.None);
        var second = await gateway.RefundAsync(request, CancellationToken.None);

        second.ShouldBe(first);
        _stripe.Refunds.Count.ShouldBe(1);
        charge.AmountRefunded.ShouldBe(5000);
    }

    [Fact]
    public async Task TwoFaultsInARowAreStillRetriedWithinTheLimit()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var request = StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR");
        _stripe.FailNext(Fault.ConnectionReset);
        _stripe.FailNext(Fault.TimeoutAfterSuccess);

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(request, CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        _stripe.RefundPosts.Count.ShouldBe(3);
        _stripe.Refunds.Count.ShouldBe(1);
    }
}
