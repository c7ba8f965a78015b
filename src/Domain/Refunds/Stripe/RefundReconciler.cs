using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>
/// Settles card refunds still pending: ones whose webhook has not come, and ones committed before a call
/// whose outcome was never recorded (the process died, the network failed). Asks the provider what became
/// of each; when the provider never received it, sends it again under the same idempotency key. Never pays
/// twice: the key is the Refund row's id, and the provider is searched for it first.
/// </summary>
public sealed partial class RefundReconciler(
    AppDbContext db,
    IPaymentGateway gateway,
    CancellationService cancellations,
    UnitOfWork unitOfWork,
    TimeProvider clock,
    IOptions<StripeOptions> options,
    ILogger<RefundReconciler> logger) : IPeriodicWork
{
    Task IPeriodicWork.RunOnceAsync(CancellationToken cancellationToken) => ReconcileDueAsync(cancellationToken);

    /// <returns>How many refunds changed.</returns>
    public async Task<int> ReconcileDueAsync(CancellationToken cancellationToken)
    {
        if (!gateway.IsAvailable)
        {
            return 0;
        }

        var settings = options.Value.Reconciliation;
        var cutoff = clock.GetUtcNow() - settings.MinimumAge;
        var due = await db.Refunds
            // A refund held for review (another amount reported) waits for staff, not for another look.
            .Where(r => r.Method == RefundMethod.OriginalPayment && r.Status == RefundStatus.Pending && r.FailureReason == null && r.CreatedAt <= cutoff)
            .OrderBy(r => r.CreatedAt)
            .Select(r => r.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var changed = 0;
        foreach (var id in due)
        {
            try
            {
                if (await ReconcileAsync(id, cancellationToken))
                {
                    changed++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One refund's trouble (provider down, a concurrent update) must not hold up the others.
                db.ChangeTracker.Clear();
                LogFailed(ex, id);
            }
        }

        return changed;
    }

    /// <returns>True when the refund row changed.</returns>
    public async Task<bool> ReconcileAsync(Guid refundId, CancellationToken cancellationToken)
    {
        var requestId = await db.Refunds.Where(r => r.Id == refundId).Select(r => r.RequestId).SingleAsync(cancellationToken);
        var request = await cancellations.LoadAsync(requestId, cancellationToken)
            ?? throw new InvalidOperationException($"Refund {refundId} has no request.");
        var refund = request.Refunds.Single(r => r.Id == refundId);
        if (refund.Status != RefundStatus.Pending)
        {
            return false;
        }

        var order = request.Order;
        if (string.IsNullOrWhiteSpace(order.PaymentReference))
        {
            LogNoPaymentReference(refund.Id);
            return false;
        }

        var outcome = await gateway.FindRefundAsync(new GatewayRefundLookup(refund.Id, refund.ProviderReference, order.PaymentReference), cancellationToken);
        if (outcome is null)
        {
            // The provider never received it. Staff decided this refund, so it is sent now, with the same key
            // and the same details: if an earlier attempt did arrive after all, the provider replays it.
            LogResending(refund.Id);
            outcome = await gateway.RefundAsync(
                new GatewayRefundRequest(refund.Id, order.PaymentReference, refund.Money, order.Number, StripePaymentGateway.StripeReason),
                cancellationToken);
        }

        if (!request.SettleRefund(refund.Id, outcome, Actor.System, clock.GetUtcNow()))
        {
            return false;
        }

        await unitOfWork.SaveAsync(cancellationToken);
        LogSettled(refund.Id, refund.Status);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciling refund {RefundId} failed; it is tried again on the next tick")]
    private partial void LogFailed(Exception exception, Guid refundId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Refund {RefundId} is a card refund but its order has no payment reference")]
    private partial void LogNoPaymentReference(Guid refundId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refund {RefundId} never reached the provider; sending it under its own key")]
    private partial void LogResending(Guid refundId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refund {RefundId} reconciled: now {Status}")]
    private partial void LogSettled(Guid refundId, RefundStatus status);
}

/// <summary>Runs <see cref="RefundReconciler"/> on a timer.</summary>
public sealed class RefundReconciliationService(
    IServiceScopeFactory scopes,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<RefundReconciliationService> logger) : PeriodicJob<RefundReconciler>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Reconciliation.Interval;

    protected override bool Enabled => options.Value.Reconciliation.Enabled;
}
