using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.Stripe.Tests;

/// <summary>Pending card refunds are settled from what Stripe knows, and never paid twice.</summary>
public abstract class RefundReconciliation(Provider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = TestClock.Create();
    private FakeStripeServer _stripe = null!;
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _stripe = await FakeStripeServer.StartAsync();
        _database = await TestDatabase.CreateAsync(provider);
    }

    public async Task DisposeAsync()
    {
        await _stripe.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ACrashBetweenStripesSuccessAndOurCommitIsSettledWithoutASecondRefund()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var seeded = await SeedAsync(charge.PaymentIntentId);

        // Stripe made the refund, then the process died before recording the answer.
        await StripeTestSetup.Gateway(_stripe).RefundAsync(
            new GatewayRefundRequest(seeded.RefundId, charge.PaymentIntentId, new Domain.Common.Money(50m, "EUR"), seeded.OrderNumber, StripePaymentGateway.StripeReason),
            CancellationToken.None);

        var changed = await ReconcileAsync();

        changed.ShouldBe(1);
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Succeeded);
        refund.ProviderReference.ShouldBe(_stripe.Refunds.ShouldHaveSingleItem().Id);
        _stripe.RefundPosts.Count.ShouldBe(1);
        (await LoadRequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task ARefundThatNeverReachedStripeIsSentOnceUnderItsOwnKey()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        var seeded = await SeedAsync(charge.ChargeId);

        await ReconcileAsync();
        var secondRun = await ReconcileAsync();

        secondRun.ShouldBe(0);
        _stripe.RefundsWithKey(seeded.RefundId).ShouldHaveSingleItem().Amount.ShouldBe(5000);
        _stripe.Refunds.Count.ShouldBe(1);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);
    }

    [Fact]
    public async Task ARefundPendingAtStripeStaysPendingUntilStripeSettlesIt()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        charge.NewRefundStatus = "pending";
        var seeded = await SeedAsync(charge.PaymentIntentId);

        await ReconcileAsync();
        var pending = await LoadRefundAsync(seeded.RefundId);
        pending.Status.ShouldBe(RefundStatus.Pending);
        pending.ProviderReference.ShouldBe(_stripe.Refunds.ShouldHaveSingleItem().Id);

        _stripe.Refunds.Single().Status = "succeeded";
        await ReconcileAsync();

        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);
        _stripe.Refunds.Count.ShouldBe(1);
        (await LoadRequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public async Task ARefundThatFailedAtStripeIsFailedFlaggedAndMailedToSupport()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        charge.NewRefundStatus = "failed";
        charge.NewRefundFailureReason = "lost_or_stolen_card";
        var seeded = await SeedAsync(charge.PaymentIntentId);

        await ReconcileAsync();

        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Failed);
        refund.FailureReason!.ShouldContain("lost or stolen");
        var request = await LoadRequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.HasFailedRefund.ShouldBeTrue();
        await using var db = _database.CreateContext();
        var mail = (await db.Outbox.ToListAsync()).Select(m => EmailMessage.FromJson(m.Payload)).ShouldHaveSingleItem();
        mail.To.ShouldBe(new EmailOptions().SupportAddress);
        mail.Subject.ShouldContain(seeded.OrderNumber);
    }

    [Theory]
    [InlineData(4000L, null, "EUR 40.00")]
    [InlineData(null, "USD", "USD 50.00")]
    public async Task ARefundStripeReportsInAnotherAmountOrCurrencyIsHeldForStaffOnceAndNotSettled(long? reportedAmount, string? reportedCurrency, string reported)
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        charge.ReportRefundsAs(reportedAmount, reportedCurrency);
        var seeded = await SeedAsync(charge.PaymentIntentId);

        var first = await ReconcileAsync();
        var second = await ReconcileAsync();

        first.ShouldBe(1);
        second.ShouldBe(0);
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Pending);
        refund.ProviderReference.ShouldBe(_stripe.Refunds.ShouldHaveSingleItem().Id);
        refund.FailureReason.ShouldBe($"The payment provider reports a refund of {reported} instead of the EUR 50.00 asked for, so it is not settled. Check it in the provider's dashboard.");
        (await LoadRequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.InProgress);
        _stripe.RefundPosts.Count.ShouldBe(1);
        await using var db = _database.CreateContext();
        var mail = (await db.Outbox.ToListAsync()).Select(m => EmailMessage.FromJson(m.Payload)).ShouldHaveSingleItem();
        mail.To.ShouldBe(new EmailOptions().SupportAddress);
        mail.Subject.ShouldBe($"Card refund amount differs for order {seeded.OrderNumber}");
    }

    [Fact]
    public async Task ARefundJustCommittedIsLeftToTheCallStillInFlight()
    {
        var charge = _stripe.AddCharge(5000, "EUR");
        await CardRefundSeed.CreateAsync(_database, charge.PaymentIntentId, _clock.GetUtcNow());

        var changed = await ReconcileAsync();

        changed.ShouldBe(0);
        _stripe.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task StripeUnreachableForOneRefundLeavesItPendingAndTheOthersAreSettled()
    {
        var unreachable = _stripe.AddCharge(5000, "EUR");
        var fine = _stripe.AddCharge(5000, "EUR");
        var first = await SeedAsync(unreachable.PaymentIntentId, age: TimeSpan.FromMinutes(20));
        var second = await SeedAsync(fine.PaymentIntentId, age: TimeSpan.FromMinutes(10));
        _stripe.FailNext(Fault.ServerError, times: 3);

        await ReconcileAsync();

        (await LoadRefundAsync(first.RefundId)).Status.ShouldBe(RefundStatus.Pending);
        (await LoadRefundAsync(second.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);

        await ReconcileAsync();

        (await LoadRefundAsync(first.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);
        _stripe.RefundsWithKey(first.RefundId).Count.ShouldBe(1);
        _stripe.Refunds.Count.ShouldBe(2);
    }

    private Task<SeededCardRefund> SeedAsync(string paymentReference, TimeSpan? age = null) =>
        CardRefundSeed.CreateAsync(_database, paymentReference, _clock.GetUtcNow() - (age ?? TimeSpan.FromMinutes(10)));

    private async Task<int> ReconcileAsync()
    {
        await using var db = _database.CreateContext();
        var options = StripeTestSetup.Options(_stripe);
        var services = DomainServices.On(db, _clock);
        var reconciler = new RefundReconciler(
            db,
            StripeTestSetup.Gateway(_stripe),
            services.GetRequiredService<CancellationService>(),
            services.GetRequiredService<UnitOfWork>(),
            _clock,
            Microsoft.Extensions.Options.Options.Create(options),
            NullLogger<RefundReconciler>.Instance);
        return await reconciler.ReconcileDueAsync(CancellationToken.None);
    }

    private async Task<Refund> LoadRefundAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.Refunds.SingleAsync(r => r.Id == id);
    }

    private async Task<CancellationRequest> LoadRequestAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == id);
    }
}

public sealed class RefundReconciliationOnSqlite() : RefundReconciliation(Provider.Sqlite);

public sealed class RefundReconciliationOnPostgres() : RefundReconciliation(Provider.Postgres);
