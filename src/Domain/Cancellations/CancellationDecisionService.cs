using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// What staff fill in on the decision form. A null amount means the full refundable amount; the method is
/// needed only when money goes back. Keeping the whole amount of a paid order takes an explicit
/// <paramref name="RefundNothing"/> with its reason in <paramref name="KeptReason"/>, so an amount of 0 is never a slip.
/// </summary>
public sealed record DecisionInput(
    DecisionReason Reason,
    string? ReasonNote,
    RefundMethod? Method,
    decimal? Amount,
    string? KeptReason,
    bool RefundNow,
    bool Restock,
    bool NotifyShopper,
    string? StaffNote,
    bool RefundNothing = false);

/// <summary>
/// The staff side of a request after it is accepted: stopping a shipment, recording the decision that
/// completes the cancellation (with its refund), and canceling an order nobody asked to cancel.
/// </summary>
public sealed class CancellationDecisionService(AppDbContext db, CancellationService cancellations, RefundService refunds, TimeProvider clock)
{
    public const int MaxNoteLength = 1000;

    /// <summary>The store stopped its own shipment so the order can be canceled.</summary>
    public Task<Result<CancellationRequest>> RevertFulfillmentAsync(Guid requestId, long expectedVersion, Actor staff, CancellationToken cancellationToken) =>
        ChangeOrderAsync(requestId, expectedVersion, staff, o => o.RevertFulfillment(), AuditKind.FulfillmentReverted, cancellationToken);

    /// <summary>The drop-ship supplier confirmed the cancellation; refused once the supplier shipped.</summary>
    public Task<Result<CancellationRequest>> MarkCanceledWithSupplierAsync(Guid requestId, long expectedVersion, Actor staff, CancellationToken cancellationToken) =>
        ChangeOrderAsync(requestId, expectedVersion, staff, o => o.MarkCanceledWithSupplier(), AuditKind.CanceledWithSupplier, cancellationToken);

    /// <summary>Records the decision on an accepted request and issues its refund now, or leaves it for later.</summary>
    public async Task<Result<CancellationRequest>> DecideAsync(Guid requestId, long expectedVersion, DecisionInput input, Actor staff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var loaded = await cancellations.LoadForChangeAsync(requestId, expectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;

        var checkedDecision = Check(request, input);
        if (!checkedDecision.IsSuccess)
        {
            return checkedDecision.Error!;
        }

        var decision = checkedDecision.Value!;
        var now = clock.GetUtcNow();
        var decided = request.Decide(decision, staff, now);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        if (!string.IsNullOrWhiteSpace(decision.StaffNote))
        {
            request.Note(staff, now, AuditKind.StaffNote, decision.StaffNote);
        }

        if (decision.RefundAmount > 0m && decision.RefundNow)
        {
            var issued = await refunds.IssueAsync(request, decision.RefundMethod!.Value, decision.RefundAmount, staff, cancellationToken);
            if (!issued.IsSuccess)
            {
                // The decision recorded in memory is dropped with the refused refund.
                db.ChangeTracker.Clear();
                return issued.Error!;
            }

            return request;
        }

        // Nothing to refund completes at once; a refund left for later keeps the request in progress.
        var saved = await refunds.SettleAndSaveAsync(request, staff, now, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }

    /// <summary>Issues (part of) what is left to refund on a decided request: a refund chosen "later", or a retry after a failure.</summary>
    public async Task<Result<Refund>> IssueRefundAsync(Guid requestId, long expectedVersion, RefundMethod method, decimal amount, Actor staff, CancellationToken cancellationToken)
    {
        var loaded = await cancellations.LoadForChangeAsync(requestId, expectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;

        return await refunds.IssueAsync(request, method, amount, staff, cancellationToken);
    }

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
        return accepted.IsSuccess
            ? await DecideAsync(accepted.Value!.Id, accepted.Value.Version, input, staff, cancellationToken)
            : accepted.Error!;
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

        return answer == PolicyAnswer.MustRevertFulfillment
            ? await RevertFulfillmentAsync(accepted.Value!.Id, accepted.Value.Version, staff, cancellationToken)
            : await MarkCanceledWithSupplierAsync(accepted.Value!.Id, accepted.Value.Version, staff, cancellationToken);
    }

    /// <summary>The currency of a request's order, which typed amounts are read in; null for an unknown request.</summary>
    public Task<string?> CurrencyOfRequestAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.CancellationRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Order.Currency).SingleOrDefaultAsync(cancellationToken);

    /// <summary>What <see cref="DecideAsync"/> would record on this request, without recording anything: the confirmation step states it.</summary>
    public Result<CancellationDecision> Preview(CancellationRequest request, DecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(input);
        return Check(request, input);
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

    public Task<Order?> FindOrderAsync(string orderNumber, CancellationToken cancellationToken) =>
        db.Orders.AsNoTracking().Include(o => o.Lines).SingleOrDefaultAsync(o => o.Number == orderNumber, cancellationToken);

    /// <summary>What is on the shelf now for each SKU, so staff see what restocking would give back.</summary>
    public Task<Dictionary<string, int>> StockOnHandAsync(IEnumerable<string> skus, CancellationToken cancellationToken)
    {
        var list = skus.Distinct().ToList();
        return db.StockItems.AsNoTracking().Where(s => list.Contains(s.Sku)).ToDictionaryAsync(s => s.Sku, s => s.OnHand, cancellationToken);
    }

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

        var decision = CheckAmounts(order, input);
        return decision.IsSuccess ? (order, decision.Value!) : decision.Error!;
    }

    private Result<CancellationDecision> Check(CancellationRequest request, DecisionInput input)
    {
        if (!request.CanDecide)
        {
            return Error.NotAllowed(request.Decision is null
                ? $"A request that is {request.Status.ToDisplay().ToLowerInvariant()} cannot be completed."
                : "A decision has already been recorded for this request.");
        }

        var answer = CancellationPolicy.Evaluate(request.Order, hasOpenRequest: false);
        if (!answer.CanCancelNow())
        {
            return Error.NotAllowed(answer.Describe());
        }

        return CheckAmounts(request.Order, input);
    }

    private Result<CancellationDecision> CheckAmounts(Order order, DecisionInput input)
    {
        if (!Enum.IsDefined(input.Reason))
        {
            return Error.Invalid("Choose a reason from the list.", nameof(DecisionInput.Reason));
        }

        if (input.Method is { } chosen && !Enum.IsDefined(chosen))
        {
            return Error.Invalid("Choose a refund method from the list.", nameof(DecisionInput.Method));
        }

        if (input.Reason == DecisionReason.Other && string.IsNullOrWhiteSpace(input.ReasonNote))
        {
            return Error.Invalid("Describe the reason when choosing \"Other\".", nameof(DecisionInput.ReasonNote));
        }

        if (input.ReasonNote?.Length > MaxNoteLength || input.KeptReason?.Length > MaxNoteLength || input.StaffNote?.Length > MaxNoteLength)
        {
            return Error.Invalid($"Notes can be at most {MaxNoteLength} characters.");
        }

        var refundable = order.RefundableAmount;
        var keepsAll = input.RefundNothing && refundable > 0m;
        if (keepsAll && input.Amount is > 0m)
        {
            return Error.Invalid("“Refund nothing” is chosen: leave the amount empty, or untick it to refund that amount.", nameof(DecisionInput.Amount));
        }

        var amount = keepsAll ? 0m : input.Amount ?? refundable;
        if (amount < 0m)
        {
            return Error.Invalid("The refund amount cannot be negative.", nameof(DecisionInput.Amount));
        }

        if (amount == 0m && refundable > 0m && !keepsAll)
        {
            return Error.Invalid($"A refund of 0 keeps all {Money.Format(refundable, order.Currency)} the shopper paid: to do that, choose “Refund nothing” and give the reason.", nameof(DecisionInput.Amount));
        }

        if (amount > refundable)
        {
            return Error.Invalid($"The refund of {Money.Format(amount, order.Currency)} is more than what is left to refund ({Money.Format(refundable, order.Currency)}).", nameof(DecisionInput.Amount));
        }

        if (!Money.FitsCurrency(amount, order.Currency))
        {
            return Error.Invalid($"{order.Currency} amounts cannot have that many decimals.", nameof(DecisionInput.Amount));
        }

        if (amount < refundable && string.IsNullOrWhiteSpace(input.KeptReason))
        {
            return Error.Invalid(keepsAll
                ? $"Give the reason the store keeps all {Money.Format(refundable, order.Currency)}: the shopper is told it."
                : $"A partial refund needs a reason for the {Money.Format(refundable - amount, order.Currency)} the store keeps.", nameof(DecisionInput.KeptReason));
        }

        // A method only matters when money goes back; with nothing to refund none is asked for or kept.
        var method = amount > 0m ? input.Method : null;
        if (amount > 0m && method is null)
        {
            return Error.Invalid("Choose a refund method.", nameof(DecisionInput.Method));
        }

        if (method is { } refundMethod && refunds.WhyNot(order, refundMethod) is { } refused)
        {
            return Error.NotAllowed(refused);
        }

        return new CancellationDecision(
            input.Reason,
            Trimmed(input.ReasonNote),
            method,
            amount,
            amount < refundable ? Trimmed(input.KeptReason) : null,
            input.RefundNow,
            input.Restock && !order.IsDropShip,
            input.NotifyShopper,
            Trimmed(input.StaffNote));
    }

    private Task<Result<CancellationRequest>> ChangeOrderAsync(
        Guid requestId, long expectedVersion, Actor staff, Func<Order, Result> change, AuditKind kind, CancellationToken cancellationToken) =>
        cancellations.ChangeAsync(requestId, expectedVersion, (request, now) =>
        {
            if (request.Status is not (CancellationStatus.Requested or CancellationStatus.InProgress))
            {
                return Error.NotAllowed($"A request that is {request.Status.ToDisplay().ToLowerInvariant()} needs no change to the order.");
            }

            var changed = change(request.Order);
            if (changed.IsSuccess)
            {
                request.Note(staff, now, kind, null);
            }

            return changed;
        }, cancellationToken);

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

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
