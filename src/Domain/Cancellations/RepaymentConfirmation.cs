using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// Asks the provider whether card repayments were paid and settles those that were: when the shopper comes back
/// from the payment page, and for every pending one on reconciliation's tick. A webhook may have settled it first;
/// the request counts the first confirmation only. The same tick reminds shoppers of overdue repayments.
/// </summary>
public sealed partial class RepaymentConfirmation(
    AppDbContext db,
    CancellationService cancellations,
    IPaymentGateway gateway,
    TimeProvider clock,
    IOptions<StripeOptions> options,
    ILogger<RepaymentConfirmation> logger) : IPeriodicWork
{
    async Task IPeriodicWork.RunOnceAsync(CancellationToken cancellationToken)
    {
        await ConfirmPendingAsync(options.Value.Reconciliation.BatchSize, cancellationToken);
        await RemindOverdueAsync(options.Value.Reconciliation.BatchSize, cancellationToken);
    }

    /// <returns>How many shoppers were reminded of an overdue repayment.</returns>
    public async Task<int> RemindOverdueAsync(int batchSize, CancellationToken cancellationToken)
    {
        var days = await db.StoreSettings.AsNoTracking().Select(s => s.RepaymentOverdueAfterDays).SingleAsync(cancellationToken);
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(days);
        var due = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.Status == CancellationStatus.AwaitingRepayment && r.UndoStartedAt < cutoff && (r.RepaymentReminderSentAt == null || r.RepaymentReminderSentAt < cutoff))
            .OrderBy(r => r.UndoStartedAt)
            .Select(r => r.Id)
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var reminded = 0;
        foreach (var id in due)
        {
            try
            {
                if (await cancellations.LoadAsync(id, cancellationToken) is { } request && request.RemindOfRepayment(days, clock.GetUtcNow())
                    && (await cancellations.SaveAsync(request, cancellationToken)).IsSuccess)
                {
                    reminded++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                LogReminderFailed(ex, id);
            }

            db.ChangeTracker.Clear();
        }

        return reminded;
    }

    /// <returns>True when the repayment was settled now.</returns>
    public async Task<bool> ConfirmAsync(Guid requestId, Guid repaymentId, CancellationToken cancellationToken)
    {
        var request = await cancellations.LoadAsync(requestId, cancellationToken);
        var repayment = await db.Repayments.SingleOrDefaultAsync(r => r.Id == repaymentId && r.RequestId == requestId, cancellationToken);
        if (request is null || repayment is not { Status: RepaymentStatus.Pending, Reference: { } reference })
        {
            return false;
        }

        if (await gateway.FindPaymentAsync(reference, cancellationToken) is not { } paid
            || !request.SettleCardRepayment(repayment.Id, paid, null, Actor.System, clock.GetUtcNow()))
        {
            return false;
        }

        // A webhook settling the same payment at the same moment wins the race; its effects are the same.
        return (await cancellations.SaveAsync(request, cancellationToken)).IsSuccess;
    }

    /// <returns>How many pending card repayments were settled.</returns>
    public async Task<int> ConfirmPendingAsync(int batchSize, CancellationToken cancellationToken)
    {
        var pending = await db.Repayments.AsNoTracking()
            .Where(r => r.Method == RepaymentMethod.Card && r.Status == RepaymentStatus.Pending && r.Reference != null)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.RequestId, r.Id })
            .Take(batchSize)
            .ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var repayment in pending)
        {
            try
            {
                if (await ConfirmAsync(repayment.RequestId, repayment.Id, cancellationToken))
                {
                    settled++;
                }
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One payment's trouble (provider down) must not hold up the others.
                db.ChangeTracker.Clear();
                LogFailed(ex, repayment.Id);
            }
        }

        return settled;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminding the shopper of request {RequestId}'s repayment failed; it is tried again on the next tick")]
    private partial void LogReminderFailed(Exception exception, Guid requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Confirming repayment {RepaymentId} failed; it is tried again on the next tick")]
    private partial void LogFailed(Exception exception, Guid repaymentId);
}

/// <summary>Runs <see cref="RepaymentConfirmation"/> on reconciliation's timer.</summary>
public sealed class RepaymentConfirmationService(
    IServiceScopeFactory scopes,
    IOptions<StripeOptions> options,
    TimeProvider clock,
    ILogger<RepaymentConfirmationService> logger) : PeriodicJob<RepaymentConfirmation>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.Reconciliation.Interval;

    protected override bool Enabled => options.Value.Reconciliation.Enabled;
}
