using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;

namespace CancellationPortal.Stripe.Tests;

/// <summary>Amounts leave as the currency's minor unit; partial refunds add up to what was paid and no further.</summary>
public sealed class RefundAmountsGoInMinorUnits : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task YenHaveNoMinorUnitSo1500YenIsSentAs1500()
    {
        var charge = _stripe.AddCharge(1500, "JPY");

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 1500m, "JPY"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        _stripe.RefundPosts.ShouldHaveSingleItem().Body.ShouldContain("amount=1500&");
        _stripe.Refunds.ShouldHaveSingleItem().Amount.ShouldBe(1500);
    }

    [Fact]
    public async Task EurosAreSentInCents()
    {
        var charge = _stripe.AddCharge(10000, "EUR");

        await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.ChargeId, 12.34m, "EUR"), CancellationToken.None);

        _stripe.Refunds.ShouldHaveSingleItem().Amount.ShouldBe(1234);
    }

    [Fact]
    public async Task TheRefundCarriesTheOrderNumberAndOurRefundIdAsMetadata()
    {
        var charge = _stripe.AddCharge(10000, "EUR");
        var request = StripeTestSetup.Request(charge.ChargeId, 1m, "EUR");

        await StripeTestSetup.Gateway(_stripe).RefundAsync(request, CancellationToken.None);

        var refund = _stripe.Refunds.ShouldHaveSingleItem();
        refund.Metadata["order_number"].ShouldBe("10001");
        refund.Metadata["refund_id"].ShouldBe(request.IdempotencyKey.ToString("D"));
        refund.Reason.ShouldBe("requested_by_customer");
    }

    [Fact]
    public async Task PartialRefundsAddUpAndOneMoreThanWhatIsLeftIsRefused()
    {
        var charge = _stripe.AddCharge(10000, "EUR");
        var gateway = StripeTestSetup.Gateway(_stripe);

        foreach (var amount in new[] { 30m, 45.5m, 24.5m })
        {
            (await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, amount, "EUR"), CancellationToken.None)).Status.ShouldBe(GatewayRefundStatus.Succeeded);
        }

        var client = StripeTestSetup.Client(_stripe);
        (await client.GetChargeAsync(charge.ChargeId, CancellationToken.None)).AmountRefunded.ShouldBe(10000);
        (await client.ListRefundsAsync(charge.ChargeId, CancellationToken.None)).Data.Sum(r => r.Amount).ShouldBe(10000);

        var more = await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 0.01m, "EUR"), CancellationToken.None);
        more.Status.ShouldBe(GatewayRefundStatus.Failed);
        more.FailureMessage.ShouldBe("This payment has already been refunded in full at Stripe.");
    }

    [Fact]
    public async Task MoreThanWhatIsLeftIsRefusedInPlainWords()
    {
        var charge = _stripe.AddCharge(10000, "EUR");
        var gateway = StripeTestSetup.Gateway(_stripe);
        await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 60m, "EUR"), CancellationToken.None);

        var result = await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR"), CancellationToken.None);

        result.FailureMessage.ShouldBe("The refund is more than what is left to refund on this payment.");
        _stripe.Refunds.Count.ShouldBe(1);
    }
}
