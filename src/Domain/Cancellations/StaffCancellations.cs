using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// Canceling an order nobody asked to cancel (out of stock, fraud, undeliverable): staff open the request
/// themselves, and either decide it at once or first stop what holds the order (a shipment, a supplier).
/// </summary>
public sealed class StaffCancellations(AppDbContext db, CancellationService cancellations, RefundRulesSource rules, CardRefundCall cards, TimeProvider clock)
{
    /// <summary>
    /// Cancels an order nobody asked to cancel (out of stock, fraud, ...): opens a staff request, accepts it
    /// and records the decision, each step committed and audited.
    /// </summary>
    public async Task<Result<CancellationRequest>> CancelOrderAsync(string orderNumber, DecisionInput input, Actor staff, CancellationToken cancellationToken)
    {
        // Checked before anything is written, so a refused decision leaves no open request behind.
        var preview = await CheckCancelOrderAsync(orderNumber, input, cancellationToken);
        if (!preview.IsSuccess)
        {
            return preview.Error!;
        }

        var accepted = await OpenAcceptedRequestAsync(preview.Value.Order, staff, input.ReasonNote, cancellationToken);
        if (!accepted.IsSuccess)
        {
            return accepted.Error!;
        }

        return await cards.ChangeAsync(
            accepted.Value!.Id, accepted.Value.Version, staff, (request, refundRules, now) => request.Decide(input, refundRules, staff, now), cancellationToken);
    }

    /// <summary>
    /// The first step of canceling an order nobody asked to cancel that the store's own shipment or a drop-ship
    /// supplier still holds: opens an accepted staff request and stops the shipment, or records the supplier's
    /// cancellation, on it. The decision then follows on the request's page.
    /// </summary>
    public async Task<Result<CancellationRequest>> StopOrderForCancelAsync(string orderNumber, Actor staff, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("No order with that number.");
        }

        var answer = CancellationPolicy.Evaluate(order, await HasOpenRequestAsync(order.Id, cancellationToken));
        if (answer is not (PolicyAnswer.MustRevertFulfillment or PolicyAnswer.MustCancelWithSupplier))
        {
            return Error.NotAllowed(answer.Describe());
        }

        var accepted = await OpenAcceptedRequestAsync(order, staff, null, cancellationToken);
        if (!accepted.IsSuccess)
        {
            return accepted.Error!;
        }

        var request = accepted.Value!;
        var now = clock.GetUtcNow();
        var stopped = answer == PolicyAnswer.MustRevertFulfillment ? request.RevertFulfillment(staff, now) : request.MarkCanceledWithSupplier(staff, now);
        if (!stopped.IsSuccess)
        {
            return stopped.Error!;
        }

        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }

    /// <summary>What <see cref="CancelOrderAsync"/> would decide, without writing anything.</summary>
    public async Task<Result<CancellationDecision>> PreviewCancelOrderAsync(string orderNumber, DecisionInput input, CancellationToken cancellationToken)
    {
        var checkedOrder = await CheckCancelOrderAsync(orderNumber, input, cancellationToken);
        return checkedOrder.IsSuccess ? checkedOrder.Value.Decision : checkedOrder.Error!;
    }

    /// <summary>The order's most recent request, open or closed: where staff look next when an order cannot be canceled.</summary>
    public Task<Guid?> LatestRequestIdAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.CancellationRequests.AsNoTracking()
            .Where(r => r.OrderId == orderId)
            .OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> HasOpenRequestAsync(Guid orderId, CancellationToken cancellationToken) =>
        db.CancellationRequests.AnyAsync(r => r.OrderId == orderId && CancellationStatusText.Open.Contains(r.Status), cancellationToken);

    private async Task<Result<(Order Order, CancellationDecision Decision)>> CheckCancelOrderAsync(string orderNumber, DecisionInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("No order with that number.");
        }

        var answer = CancellationPolicy.Evaluate(order, await HasOpenRequestAsync(order.Id, cancellationToken));
        if (!answer.CanCancelNow())
        {
            return Error.NotAllowed(answer.Describe());
        }

        var decision = CancellationDecision.For(order, input, await rules.LoadAsync(cancellationToken));
        return decision.IsSuccess ? (order, decision.Value!) : decision.Error!;
    }

    /// <summary>A staff request for the order, accepted and assigned to the staff member who opened it.</summary>
    private async Task<Result<CancellationRequest>> OpenAcceptedRequestAsync(Order order, Actor staff, string? note, CancellationToken cancellationToken)
    {
        var submitted = await cancellations.SubmitAsync(order, staff, "backoffice", null, note, cancellationToken);
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }

        // Staff open it themselves: nobody else can have acted on it, and no shopper is told of the acceptance.
        var request = submitted.Value!;
        var accepted = request.Accept(staff, clock.GetUtcNow());
        if (!accepted.IsSuccess)
        {
            return accepted.Error!;
        }

        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }
}
