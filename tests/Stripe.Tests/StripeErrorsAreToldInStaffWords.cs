using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Stripe.Tests;

public sealed class StripeErrorsAreToldInStaffWords : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task ADisputedChargeIsExplained()
    {
        var charge = _stripe.AddCharge(1000, "EUR");
        charge.Disputed = true;

        var result = await Refund(charge.ChargeId, 5m);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        result.FailureMessage!.ShouldContain("disputed this payment");
    }

    [Fact]
    public async Task ACardErrorShowsStripesMessage()
    {
        var charge = _stripe.AddCharge(1000, "EUR");
        charge.Refusal = (402, "card_error", "card_declined", "Your card was declined.");

        var result = await Refund(charge.ChargeId, 5m);

        result.FailureMessage.ShouldBe("The card refused the refund: Your card was declined.");
    }

    [Fact]
    public async Task AnUnknownPaymentIsExplained()
    {
        var result = await Refund("ch_missing", 5m);

        result.FailureMessage!.ShouldStartWith("Stripe does not know this payment.");
    }

    [Fact]
    public async Task AKeyReusedWithOtherDetailsIsRefusedAndNothingMorePaid()
    {
        var charge = _stripe.AddCharge(10000, "EUR");
        var key = Guid.NewGuid();
        var gateway = StripeTestSetup.Gateway(_stripe);
        await gateway.RefundAsync(StripeTestSetup.Request(charge.ChargeId, 5m, "EUR", key), CancellationToken.None);

        var result = await gateway.RefundAsync(StripeTestSetup.Request(charge.ChargeId, 7m, "EUR", key), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        result.FailureMessage.ShouldBe("This refund was already sent to Stripe with different details, so it was not sent again.");
        charge.AmountRefunded.ShouldBe(500);
    }

    [Fact]
    public async Task StripeUnreachableIsExplainedAndLeftOpen()
    {
        var charge = _stripe.AddCharge(1000, "EUR");
        _stripe.FailNext(Fault.ConnectionReset, times: 3);

        var result = await Refund(charge.ChargeId, 5m);

        result.Status.ShouldBe(GatewayRefundStatus.Pending);
        result.ProviderRefundId.ShouldBeNull();
        result.FailureMessage!.ShouldStartWith("Stripe is unavailable right now.");
    }

    private Task<GatewayRefundResult> Refund(string reference, decimal amount) =>
        StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(reference, amount, "EUR"), CancellationToken.None);
}
