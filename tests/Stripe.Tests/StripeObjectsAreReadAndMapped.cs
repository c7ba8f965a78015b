using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;

namespace CancellationPortal.Stripe.Tests;

/// <summary>Retrieving, listing and canceling, and how a refund's status maps to our outcome.</summary>
public sealed class StripeObjectsAreReadAndMapped : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task APaymentIntentAndItsChargeAreRetrieved()
    {
        var charge = _stripe.AddCharge(2599, "USD");
        var client = StripeTestSetup.Client(_stripe);

        var intent = await client.GetPaymentIntentAsync(charge.PaymentIntentId, CancellationToken.None);
        var read = await client.GetChargeAsync(intent.LatestChargeId!, CancellationToken.None);

        intent.AmountReceived.ShouldBe(2599);
        read.Id.ShouldBe(charge.ChargeId);
        read.PaymentIntentId.ShouldBe(charge.PaymentIntentId);
        read.Refunded.ShouldBeFalse();
    }

    [Fact]
    public async Task APendingRefundIsPendingWithItsId()
    {
        var charge = _stripe.AddCharge(2599, "USD");
        charge.NewRefundStatus = "pending";

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "USD"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Pending);
        result.ProviderRefundId.ShouldStartWith("re_");
        result.IsOutcomeUnknown.ShouldBeFalse();
    }

    [Fact]
    public async Task AFailedRefundSaysWhyInPlainWords()
    {
        var charge = _stripe.AddCharge(2599, "USD");
        charge.NewRefundStatus = "failed";
        charge.NewRefundFailureReason = "expired_or_canceled_card";

        var result = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "USD"), CancellationToken.None);

        result.Status.ShouldBe(GatewayRefundStatus.Failed);
        result.ProviderRefundId.ShouldStartWith("re_");
        result.FailureMessage!.ShouldContain("expired or was canceled");
    }

    [Fact]
    public async Task ARefundAwaitingActionCanBeCanceled()
    {
        var charge = _stripe.AddCharge(2599, "USD");
        charge.NewRefundStatus = "requires_action";
        var client = StripeTestSetup.Client(_stripe);
        var refund = await StripeTestSetup.Gateway(_stripe).RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "USD"), CancellationToken.None);

        var canceled = await client.CancelRefundAsync(refund.ProviderRefundId!, Guid.NewGuid().ToString("D"), CancellationToken.None);

        canceled.Status.ShouldBe("canceled");
        (await client.GetRefundAsync(refund.ProviderRefundId!, CancellationToken.None)).Status.ShouldBe("canceled");
    }

    [Fact]
    public async Task ARefundIsFoundByOurIdAmongThePaymentsRefunds()
    {
        var charge = _stripe.AddCharge(9000, "USD");
        var gateway = StripeTestSetup.Gateway(_stripe);
        var ours = StripeTestSetup.Request(charge.PaymentIntentId, 10m, "USD");
        await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 5m, "USD"), CancellationToken.None);
        var sent = await gateway.RefundAsync(ours, CancellationToken.None);

        var found = await gateway.FindRefundAsync(new GatewayRefundLookup(ours.IdempotencyKey, null, charge.PaymentIntentId), CancellationToken.None);
        var missing = await gateway.FindRefundAsync(new GatewayRefundLookup(Guid.NewGuid(), null, charge.PaymentIntentId), CancellationToken.None);

        found.ShouldBe(sent);
        missing.ShouldBeNull();
    }
}
