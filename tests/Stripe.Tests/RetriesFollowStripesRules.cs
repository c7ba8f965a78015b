using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;

namespace CancellationPortal.Stripe.Tests;

/// <summary>At most two retries; never a 400/402/404; Stripe-Should-Retry obeyed both ways; waits on the injected clock.</summary>
public sealed class RetriesFollowStripesRules : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task AServerThatKeepsFailingIsTriedThreeTimesAndTheOutcomeStaysOpen()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        _stripe.FailNext(Fault.ServerError, times: 3);

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 10m, "EUR"), CancellationToken.None);

        _stripe.RefundPosts.Count.ShouldBe(3);
        result.Status.ShouldBe(GatewayRefundStatus.Pending);
        result.IsOutcomeUnknown.ShouldBeTrue();
        result.FailureMessage.ShouldBe(StripeMessages.Unavailable);
        _stripe.Refunds.ShouldBeEmpty();
    }

    [Fact]
    public async Task RetriesWaitOnTheInjectedClockAndTheSecondWaitIsAboutTwiceTheFirst()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        _stripe.FailNext(Fault.ServerError, times: 2);
        var before = _stripe.Clock.GetUtcNow();

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 10m, "EUR"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        var baseDelay = new StripeOptions().RetryBaseDelay;
        var waits = _stripe.Clock.Waits;
        waits.Count.ShouldBe(2);
        waits[0].ShouldBeInRange(baseDelay * 0.75, baseDelay);
        waits[1].ShouldBeInRange(baseDelay * 1.5, baseDelay * 2);
        (_stripe.Clock.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(waits[0] + waits[1]);
    }

    [Fact]
    public async Task AnAttemptThatHangsTimesOutOnTheInjectedClockNotTheWallClock()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        _stripe.FailNext(Fault.Timeout);
        var before = _stripe.Clock.GetUtcNow();
        var wall = System.Diagnostics.Stopwatch.StartNew();

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 10m, "EUR"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        _stripe.RefundPosts.Count.ShouldBe(2);
        (_stripe.Clock.GetUtcNow() - before).ShouldBeGreaterThanOrEqualTo(StripeTestClock.RequestTimeout);
        wall.Elapsed.ShouldBeLessThan(StripeTestClock.RequestTimeout);
    }

    [Fact]
    public void TheApiVersionWePinIsTheOneStripeNetIsBuiltFor() =>
        StripeOptions.ApiVersion.ShouldBe(global::Stripe.StripeConfiguration.ApiVersion);

    [Fact]
    public async Task StripeShouldRetryFalseIsObeyedEvenOnA500()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        _stripe.FailNext(Fault.ShouldRetryFalse);

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 10m, "EUR"), CancellationToken.None);

        _stripe.RefundPosts.Count.ShouldBe(1);
        result.IsOutcomeUnknown.ShouldBeTrue();
    }

    [Fact]
    public async Task ABadRequestIsNotRetried()
    {
        var charge = _stripe.AddCharge(1000, "EUR");

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 20m, "EUR"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        _stripe.RefundPosts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task ACardErrorIsNotRetried()
    {
        var charge = _stripe.AddCharge(1000, "EUR");
        charge.Refusal = (402, "card_error", "card_declined", "Your card was declined.");

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "EUR"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        _stripe.RefundPosts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnUnknownPaymentIsNotRetried()
    {
        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request("pi_missing", 5m, "EUR"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        _stripe.RefundPosts.Count.ShouldBe(1);
    }

    [Fact]
    public async Task EveryRequestIsAuthenticatedAndPinnedToOneApiVersionAndOnlyPostsCarryAKey()
    {
        var charge = _stripe.AddCharge(1000, "EUR");
        var client = StripeTestSetup.Client(_stripe);
        var refund = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "EUR"), CancellationToken.None);

        await client.GetRefundAsync(refund.ProviderRefundId!, CancellationToken.None);
        await client.GetChargeAsync(charge.ChargeId, CancellationToken.None);

        _stripe.Requests.ShouldAllBe(r => r.Authorization == $"Bearer {FakeStripeServer.SecretKey}" && r.StripeVersion == StripeOptions.ApiVersion);
        _stripe.Requests.Where(r => r.Method == "GET").ShouldAllBe(r => r.IdempotencyKey == null);
        _stripe.Requests.Where(r => r.Method == "POST").ShouldAllBe(r => r.IdempotencyKey != null);
    }
}
