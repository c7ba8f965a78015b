using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// Every staff step that may issue a refund (a decision, a refund issued later, a staff cancellation) has one
/// shape: load the request at the version the page showed, apply the step under the store's refund rules,
/// commit, and only then send a card refund the step issued. The Pending row is committed first because its id
/// is the gateway's idempotency key, so a retry, a crash or a restart can never pay twice; the gateway's answer
/// goes back to the request and is committed in turn.
/// </summary>
public sealed partial class CardRefundCall(
    CancellationService cancellations, RefundRulesSource rules, IPaymentGateway gateway, TimeProvider clock, ILogger<CardRefundCall> logger)
{
    public async Task<Result<CancellationRequest>> ChangeAsync(
        Guid requestId, long expectedVersion, Actor staff, Func<CancellationRequest, RefundRules, DateTimeOffset, Result> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(step);
        var loaded = await cancellations.LoadForChangeAsync(requestId, expectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;
        var issuedBefore = request.Refunds.Count;
        var applied = step(request, await rules.LoadAsync(cancellationToken), clock.GetUtcNow());
        if (!applied.IsSuccess)
        {
            return applied.Error!;
        }

        var committed = await cancellations.SaveAsync(request, cancellationToken);
        if (!committed.IsSuccess)
        {
            return committed.Error!;
        }

        foreach (var refund in request.Refunds.Skip(issuedBefore).Where(r => r is { Method: RefundMethod.OriginalPayment, Status: RefundStatus.Pending }).ToList())
        {
            var sent = await SendAsync(request, refund, staff, cancellationToken);
            if (!sent.IsSuccess)
            {
                return sent.Error!;
            }
        }

        return request;
    }

    private async Task<Result> SendAsync(CancellationRequest request, Refund refund, Actor staff, CancellationToken cancellationToken)
    {
        var order = request.Order;
        GatewayRefundResult outcome;
        try
        {
            outcome = await gateway.RefundAsync(
                new GatewayRefundRequest(refund.Id, order.PaymentReference!, refund.Money, order.Number, request.Decision!.Reason.ToDisplay()), cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            // The provider may or may not have the refund: it stays Pending and reconciliation settles it.
            LogGatewayUnreachable(ex, refund.Id);
            return Result.Ok();
        }

        var now = clock.GetUtcNow();
        if (outcome.IsOutcomeUnknown)
        {
            // The provider may or may not have it: the row stays pending under the same key for reconciliation.
            request.Note(staff, now, AuditKind.CardRefundOutcomeUnknown, outcome.FailureMessage);
        }
        else
        {
            request.SettleRefund(refund.Id, outcome, staff, now);
        }

        return await cancellations.SaveAsync(request, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment gateway unreachable for refund {RefundId}; it stays pending")]
    private partial void LogGatewayUnreachable(Exception exception, Guid refundId);
}
