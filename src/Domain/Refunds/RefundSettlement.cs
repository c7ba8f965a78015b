using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// Records what the provider says became of a card refund: the same steps whether the answer comes straight
/// back from the refund call, from a webhook or from reconciliation. Adds to the unit of work; the caller commits.
/// </summary>
public sealed class RefundSettlement(AppDbContext db, CancellationCompletion completion, IOptions<EmailOptions> email)
{
    /// <param name="actor">Who brought the answer: the staff member whose refund call returned it, or the system (webhook, reconciliation).</param>
    /// <returns>True when the refund row changed.</returns>
    public async Task<bool> ApplyAsync(Refund refund, GatewayRefundResult outcome, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentNullException.ThrowIfNull(outcome);
        if (refund.Status == RefundStatus.Succeeded && outcome.Status == GatewayRefundStatus.Failed)
        {
            // Not an out-of-order event: Stripe can fail a refund days after it succeeded, and the money never arrives.
            refund.Reverse(outcome.FailureMessage ?? "The refund failed after it had succeeded.", now);
            await ReversedAsync(refund, actor, now, cancellationToken);
            return true;
        }

        if (refund.Status != RefundStatus.Pending)
        {
            // Settled already (events arrive in any order and more than once): the first settlement stands.
            return false;
        }

        if (outcome.Status != GatewayRefundStatus.Failed && outcome.Reported is { } reported && !IsWhatWasAsked(refund, reported))
        {
            return await HoldAsync(refund, outcome, reported, actor, now, cancellationToken);
        }

        switch (outcome.Status)
        {
            case GatewayRefundStatus.Succeeded:
                refund.Succeed(outcome.ProviderRefundId, now);
                await SucceededAsync(refund, actor, now, cancellationToken);
                return true;
            case GatewayRefundStatus.Failed:
                refund.Fail(outcome.FailureMessage ?? "The refund failed.", now);
                if (outcome.ProviderRefundId is not null)
                {
                    refund.RecordProviderReference(outcome.ProviderRefundId);
                }

                await FailedAsync(refund, actor, now, cancellationToken);
                return true;
            default:
                if (outcome.ProviderRefundId is null || outcome.ProviderRefundId == refund.ProviderReference)
                {
                    return false;
                }

                refund.RecordProviderReference(outcome.ProviderRefundId);
                return true;
        }
    }

    private static bool IsWhatWasAsked(Refund refund, Money reported) =>
        reported.Amount == refund.Amount && string.Equals(reported.Currency, refund.Currency, StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider paid (or is paying) another amount or currency: staff decide, nothing settles on its own.</summary>
    private async Task<bool> HoldAsync(Refund refund, GatewayRefundResult outcome, Money reported, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reason = $"The payment provider reports a refund of {reported} instead of the {refund.Money} asked for, so it is not settled. Check it in the provider's dashboard.";
        if (!refund.HoldForReview(reason, outcome.ProviderRefundId))
        {
            return false;
        }

        var request = await LoadRequestAsync(refund, cancellationToken);
        request.Note(actor, now, AuditKind.CardRefundAmountDiffers, $"{refund.Money}: {reason}");
        db.EnqueueEmail(StaffEmails.CardRefundAmountDiffers(email.Value.SupportAddress, request.Order.Number, refund.Money, reported, refund.ProviderReference), request.Order.Number, now);
        return true;
    }

    private async Task SucceededAsync(Refund refund, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await LoadRequestAsync(refund, cancellationToken);
        request.Note(actor, now, AuditKind.CardRefundSucceeded, $"{refund.Money} ({refund.ProviderReference})");
        await completion.CompleteIfSettledAsync(request, actor, now, cancellationToken);
    }

    private async Task FailedAsync(Refund refund, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await LoadRequestAsync(refund, cancellationToken);
        request.FlagFailedRefund(true);
        request.Note(actor, now, AuditKind.CardRefundFailed, $"{refund.Money}: {refund.FailureReason}");
        db.EnqueueEmail(StaffEmails.CardRefundFailed(email.Value.SupportAddress, request.Order.Number, refund.Money, refund.FailureReason), request.Order.Number, now);
    }

    private async Task ReversedAsync(Refund refund, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var request = await LoadRequestAsync(refund, cancellationToken);
        request.FlagReversedRefund(actor, now, $"{refund.Money} ({refund.ProviderReference}): {refund.FailureReason}");
        db.EnqueueEmail(
            StaffEmails.CardRefundReversed(email.Value.SupportAddress, request.Order.Number, refund.Money, refund.FailureReason, request.CanComplete),
            request.Order.Number,
            now);
    }

    /// <summary>The request with its order and lines: completing it may restock them.</summary>
    private async Task<CancellationRequest> LoadRequestAsync(Refund refund, CancellationToken cancellationToken)
    {
        var request = db.CancellationRequests.Local.FirstOrDefault(r => r.Id == refund.RequestId)
            ?? await db.CancellationRequests.Include(r => r.Order).ThenInclude(o => o.Lines).SingleAsync(r => r.Id == refund.RequestId, cancellationToken);
        var order = db.Entry(request).Reference(r => r.Order);
        if (!order.IsLoaded)
        {
            await order.LoadAsync(cancellationToken);
        }

        var lines = db.Entry(request.Order).Collection(o => o.Lines);
        if (!lines.IsLoaded)
        {
            await lines.LoadAsync(cancellationToken);
        }

        return request;
    }
}
