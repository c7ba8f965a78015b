using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Stripe.Tests;

/// <summary>
/// What an undo asks of Stripe, against the fake: canceling a refund still waiting for an action (with a key made
/// from our refund's id), learning what became of one it can no longer cancel, and a Checkout Session per repayment.
/// </summary>
public sealed class UndoingThroughStripe : IAsyncLifetime
{
    private FakeStripeServer _stripe = null!;

    public async Task InitializeAsync() => _stripe = await FakeStripeServer.StartAsync();

    public async Task DisposeAsync() => await _stripe.DisposeAsync();

    [Fact]
    public async Task ARefundWaitingForAnActionIsCanceledAtStripeUnderAKeyMadeFromOurRefund()
    {
        var charge = _stripe.AddCharge(5000, "eur");
        charge.NewRefundStatus = "requires_action";
        var gateway = StripeTestSetup.Gateway(_stripe);
        var ours = Guid.NewGuid();
        var sent = await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR", ours), default);

        var canceled = await gateway.CancelRefundAsync(new GatewayRefundCancelRequest(ours, sent.ProviderRefundId), default);

        canceled.Canceled.ShouldBeTrue();
        _stripe.Refunds.ShouldHaveSingleItem().Status.ShouldBe("canceled");
        _stripe.Requests.Single(r => r.Path.EndsWith("/cancel", StringComparison.Ordinal)).IdempotencyKey.ShouldBe($"cancel-{ours:D}");
    }

    [Fact]
    public async Task ARefundStripeAlreadyPaidCannotBeCanceledAndIsReportedAsPaid()
    {
        var charge = _stripe.AddCharge(5000, "eur");
        var gateway = StripeTestSetup.Gateway(_stripe);
        var ours = Guid.NewGuid();
        var sent = await gateway.RefundAsync(StripeTestSetup.Request(charge.PaymentIntentId, 50m, "EUR", ours), default);

        var refused = await gateway.CancelRefundAsync(new GatewayRefundCancelRequest(ours, sent.ProviderRefundId), default);

        refused.Canceled.ShouldBeFalse();
        refused.Current!.Status.ShouldBe(GatewayRefundStatus.Succeeded);
        refused.Message.ShouldBe("Stripe can no longer cancel this refund.");
    }

    [Fact]
    public async Task ARefundStripeNeverConfirmedIsNotSentToBeCanceled()
    {
        var refused = await StripeTestSetup.Gateway(_stripe).CancelRefundAsync(new GatewayRefundCancelRequest(Guid.NewGuid(), null), default);

        refused.Canceled.ShouldBeFalse();
        _stripe.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ARepaymentOpensOneCheckoutSessionPerRepaymentAndReadsWhatWasPaidInMajorUnits()
    {
        var gateway = StripeTestSetup.Gateway(_stripe);
        var repayment = Guid.NewGuid();
        var request = new GatewayPaymentRequest(repayment, new Money(4500m, "JPY"), "10042", new Uri("https://portal.example/Account/Orders/10042/Pay"));

        var first = await gateway.StartPaymentAsync(request, default);
        var again = await gateway.StartPaymentAsync(request, default);

        again.PaymentReference.ShouldBe(first.PaymentReference, "the same key replays the first session");
        first.PayUrl!.Host.ShouldBe("checkout.stripe.test");
        var session = _stripe.Sessions.ShouldHaveSingleItem();
        session.AmountTotal.ShouldBe(4500);
        session.Metadata["repayment_id"].ShouldBe(repayment.ToString("D"));
        (await gateway.FindPaymentAsync(first.PaymentReference, default)).ShouldBeNull("not paid yet");
        _stripe.PaySession(first.PaymentReference);
        (await gateway.FindPaymentAsync(first.PaymentReference, default)).ShouldBe(new Money(4500m, "JPY"));
    }
}
