using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

public enum CancellationAction
{
    Accept,
    Reject,
    Withdraw,
    Complete,
    Undo,
    ConfirmRepayment,
    CancelUndo,
}

/// <summary>
/// A request to cancel one order, and the whole lifecycle of DESIGN.md §2. Every transition checks the
/// table below, records who did it and writes an audit entry, so a page cannot move a request where the
/// rules do not allow. The request owns its refunds: it checks every amount, applies every outcome, and
/// cancels the order itself when the last refund settles.
/// </summary>
public sealed partial class CancellationRequest : IVersioned, IHasDomainEvents
{
    public const int MaxCommentLength = 1000;
    public const int MaxRejectionReasonLength = 1000;
    public const int MaxTransferReferenceLength = 200;
    public const int MaxUndoReasonLength = 1000;

    // The lifecycle table: (from, action) → to. Undo lands in AwaitingRepayment instead of Undone while money is due;
    // the repayment that covers it completes the undo, and canceling the pending undo leaves the order canceled.
    private static readonly Dictionary<(CancellationStatus From, CancellationAction Action), CancellationStatus> Transitions = new()
    {
        [(CancellationStatus.Requested, CancellationAction.Accept)] = CancellationStatus.InProgress,
        [(CancellationStatus.Requested, CancellationAction.Reject)] = CancellationStatus.Rejected,
        [(CancellationStatus.Requested, CancellationAction.Withdraw)] = CancellationStatus.Withdrawn,
        [(CancellationStatus.InProgress, CancellationAction.Complete)] = CancellationStatus.Canceled,
        [(CancellationStatus.InProgress, CancellationAction.Undo)] = CancellationStatus.Undone,
        [(CancellationStatus.Canceled, CancellationAction.Undo)] = CancellationStatus.Undone,
        [(CancellationStatus.AwaitingRepayment, CancellationAction.ConfirmRepayment)] = CancellationStatus.Undone,
        [(CancellationStatus.AwaitingRepayment, CancellationAction.CancelUndo)] = CancellationStatus.Canceled,
    };

    private readonly List<AuditEntry> _auditEntries = [];
    private readonly List<Refund> _refunds = [];
    private readonly List<Repayment> _repayments = [];
    private readonly List<IDomainEvent> _domainEvents = [];

    private CancellationRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public Order Order { get; private set; } = null!;
    public CancellationStatus Status { get; private set; }
    public ActorKind RequestedByKind { get; private set; }
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";

    /// <summary>Where the request came from: portal, backoffice, courier, dispute, ...</summary>
    public string Source { get; private set; } = "";

    public ShopperReason? ShopperReason { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public string? AssignedToId { get; private set; }
    public string? AssignedToName { get; private set; }
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public CancellationDecision? Decision { get; private set; }

    /// <summary>A refund of this request failed and needs a retry or another method.</summary>
    public bool HasFailedRefund { get; private set; }

    /// <summary>A refund of this request succeeded, then the provider failed it: the shopper did not get that money.</summary>
    public bool HasReversedRefund { get; private set; }

    /// <summary>The cancellation put the order's items back on the shelf: an undo takes them off again.</summary>
    public bool Restocked { get; private set; }

    /// <summary>Why staff undid the cancellation.</summary>
    public string? UndoReason { get; private set; }

    public DateTimeOffset? UndoStartedAt { get; private set; }

    /// <summary>What the shopper had to pay back when the undo started; what is still due is <see cref="RepaymentDue"/>.</summary>
    public decimal AmountDue { get; private set; }

    /// <summary>Store credit the undo took back from the shopper's balance (given back if the undo is canceled).</summary>
    public decimal StoreCreditTakenBack { get; private set; }

    /// <summary>Points the undo took back from the shopper's balance (given back if the undo is canceled).</summary>
    public long PointsTakenBack { get; private set; }

    /// <summary>The undo went ahead without enough stock: the missing items are on backorder.</summary>
    public bool Backordered { get; private set; }

    /// <summary>When the shopper asked, after the cancellation, to keep the order after all; staff decide on the undo.</summary>
    public DateTimeOffset? UndoAskedAt { get; private set; }

    /// <summary>When the shopper was last reminded of a repayment that is overdue.</summary>
    public DateTimeOffset? RepaymentReminderSentAt { get; private set; }

    public string LastChangedByName { get; private set; } = "";
    public DateTimeOffset LastChangedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>The number of the request's last audit step; the next step gets the next number.</summary>
    public long AuditSequence { get; private set; }

    public IReadOnlyList<AuditEntry> AuditEntries => _auditEntries;

    /// <summary>The money that went back, or is on its way, for this request, oldest first.</summary>
    public IReadOnlyList<Refund> Refunds => _refunds;

    /// <summary>What the shopper paid back on an undo, oldest first.</summary>
    public IReadOnlyList<Repayment> Repayments => _repayments;

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    /// <summary>What the shopper still has to pay back before the undo completes.</summary>
    public Money RepaymentDue => new(
        Math.Max(0m, AmountDue - _repayments.Where(r => r.Status == RepaymentStatus.Received).Sum(r => r.Amount)), Order.Currency);

    /// <summary>What is still to be refunded of the decided amount.</summary>
    public Money Remaining => RefundBalance.Remaining(Decision, _refunds, Order.Currency);

    /// <summary>The part of the payment the store keeps under the decision, or null when everything goes back.</summary>
    public Money? Kept => Decision?.Kept(Order);

    public bool CanAccept => Can(CancellationAction.Accept);
    public bool CanReject => Can(CancellationAction.Reject);
    public bool CanWithdraw => Can(CancellationAction.Withdraw);
    public bool CanComplete => Can(CancellationAction.Complete);
    public bool CanUndo => Can(CancellationAction.Undo);
    public bool CanConfirmRepayment => Can(CancellationAction.ConfirmRepayment);
    public bool CanCancelUndo => Can(CancellationAction.CancelUndo);

    /// <summary>Staff record their decision once, after accepting and before the request is canceled.</summary>
    public bool CanDecide => Status == CancellationStatus.InProgress && Decision is null;

    public bool IsOpen => Status.IsOpen();

    public bool Can(CancellationAction action) => Transitions.ContainsKey((Status, action));

    /// <summary>Opens a request for an order the policy allows (possibly after stopping a shipment first).</summary>
    public static Result<CancellationRequest> Submit(
        Order order,
        PolicyAnswer answer,
        Actor requestedBy,
        string source,
        ShopperReason? reason,
        string? comment,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(requestedBy);
        if (!answer.TakesRequest())
        {
            return Error.NotAllowed(answer.Describe());
        }

        if (requestedBy.Kind == ActorKind.Shopper && reason is null)
        {
            return Error.Invalid("Choose a reason for the cancellation.");
        }

        if (comment?.Length > MaxCommentLength)
        {
            return Error.Invalid($"The comment can be at most {MaxCommentLength} characters.");
        }

        var request = new CancellationRequest
        {
            Id = Guid.NewGuid(),
            OrderId = order.Id,
            Order = order,
            Status = CancellationStatus.Requested,
            RequestedByKind = requestedBy.Kind,
            RequestedById = requestedBy.Id,
            RequestedByName = requestedBy.Name,
            Source = source,
            ShopperReason = reason,
            Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            RequestedAt = now,
        };
        request.Record(requestedBy, now, AuditKind.Requested, null, request.Comment);
        return request;
    }

    public Result Accept(Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var result = Move(CancellationAction.Accept, staff, now, AuditKind.Accepted, null);
        if (result.IsSuccess)
        {
            AssignedToId = staff.Id;
            AssignedToName = staff.Name;
            AcceptedAt = now;
        }

        return result;
    }

    /// <summary>Why a rejection reason cannot be sent to the shopper, or null when it can.</summary>
    public static Error? CheckRejectionReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("Give the shopper a reason for the rejection.", nameof(RejectionReason));
        }

        return reason.Trim().Length > MaxRejectionReasonLength
            ? Error.Invalid($"The reason for the rejection can be at most {MaxRejectionReasonLength} characters.", nameof(RejectionReason))
            : null;
    }

    public Result Reject(Actor staff, string reason, DateTimeOffset now)
    {
        if (CheckRejectionReason(reason) is { } refused)
        {
            return refused;
        }

        var result = Move(CancellationAction.Reject, staff, now, AuditKind.Rejected, reason.Trim());
        if (result.IsSuccess)
        {
            RejectionReason = reason.Trim();
            ClosedAt = now;
        }

        return result;
    }

    public Result Withdraw(Actor shopper, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        if (shopper.Kind == ActorKind.Shopper && shopper.Id != RequestedById)
        {
            return Error.NotFound("No such cancellation request.");
        }

        var result = Move(CancellationAction.Withdraw, shopper, now, AuditKind.Withdrawn, null);
        if (result.IsSuccess)
        {
            ClosedAt = now;
        }

        return result;
    }

    /// <summary>What <see cref="Decide"/> would record, or why it cannot: the confirmation step states it first.</summary>
    public Result<CancellationDecision> PreviewDecision(DecisionInput input, RefundRules rules)
    {
        if (!CanDecide)
        {
            // An undone request keeps its decision: its status is what stops a new one.
            return Error.NotAllowed(Decision is null || Status != CancellationStatus.InProgress
                ? $"A request with status “{Status.ToDisplay()}” cannot be decided."
                : "A decision has already been recorded for this request.");
        }

        var answer = CancellationPolicy.Evaluate(Order, hasOpenRequest: false);
        return answer.CanCancelNow() ? CancellationDecision.For(Order, input, rules) : Error.NotAllowed(answer.Describe());
    }

    /// <summary>
    /// Records the decision on an accepted request and, when money goes back now, issues its refund. With nothing
    /// to refund the order is canceled at once; a refund left for later keeps the request in progress.
    /// </summary>
    /// <returns>The refund issued, or null when none was.</returns>
    public Result<Refund?> Decide(DecisionInput input, RefundRules rules, Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        var previewed = PreviewDecision(input, rules);
        if (!previewed.IsSuccess)
        {
            return previewed.Error!;
        }

        var decision = previewed.Value!;
        Decision = decision;
        Touched();
        Record(staff, now, AuditKind.DecisionRecorded, Status, decision.Summary(Order.Currency));
        if (decision.StaffNote is not null)
        {
            Record(staff, now, AuditKind.StaffNote, Status, decision.StaffNote);
        }

        if (decision.RefundAmount > 0m && decision.RefundNow)
        {
            // The decision allowed this method and amount, so the first refund cannot be refused.
            var issued = IssueRefund(decision.RefundMethod!.Value, decision.RefundAmount, rules, staff, now);
            return issued.IsSuccess ? issued.Value : issued.Error!;
        }

        CompleteIfSettled(staff, now);
        return (Refund?)null;
    }

    /// <summary>
    /// Issues (part of) what is left to refund: the refund of the decision, one left for later, or a retry after a
    /// failure. Store credit and points settle at once; a bank transfer waits for its reference and a card refund
    /// for the gateway (<see cref="SettleRefund"/>).
    /// </summary>
    public Result<Refund> IssueRefund(RefundMethod method, decimal amount, RefundRules rules, Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(staff);
        if (Decision is null || !CanComplete)
        {
            return Error.NotAllowed("Refunds are issued once a decision has been recorded on a request in progress.");
        }

        if (!Enum.IsDefined(method))
        {
            return Error.Invalid("Choose a refund method from the list.", "Method");
        }

        if (rules.WhyNot(Order, method) is { } refused)
        {
            return Error.NotAllowed(refused);
        }

        if (RefundBalance.WhyNot(amount, Remaining) is { } wrongAmount)
        {
            return wrongAmount;
        }

        // A new attempt clears the flag of an earlier failure; it is raised again if this one fails too.
        HasFailedRefund = false;
        var refund = Refund.Create(Id, OrderId, method, new Money(amount, Order.Currency), staff.Name, now);
        _refunds.Add(refund);
        Touched();
        switch (method)
        {
            case RefundMethod.StoreCredit:
                refund.Succeed($"store-credit:{refund.Id:N}", now);
                Record(staff, now, AuditKind.RefundIssued, Status, $"{refund.Money} as store credit");
                Raise(new RefundPaidToLedger(this, refund, null, now));
                break;
            case RefundMethod.Points:
                var points = rules.PointsFor(amount);
                refund.Succeed($"points:{points}", now);
                Record(staff, now, AuditKind.RefundIssued, Status, $"{refund.Money} as {points} points");
                Raise(new RefundPaidToLedger(this, refund, points, now));
                break;
            case RefundMethod.BankTransfer:
                Record(staff, now, AuditKind.BankTransferStarted, Status, $"{refund.Money}: waiting for the transfer reference");
                break;
            default:
                Record(staff, now, AuditKind.CardRefundStarted, Status, $"{refund.Money} to the original card payment");
                break;
        }

        CompleteIfSettled(staff, now);
        return refund;
    }

    /// <summary>
    /// Applies what the payment provider says became of a card refund, the same whether the answer came back from
    /// the call, a webhook or reconciliation. Events arrive in any order and more than once: the first settlement
    /// stands, except a success the provider later fails.
    /// </summary>
    /// <param name="actor">Who brought the answer: the staff member whose call returned it, or the system.</param>
    /// <returns>True when the refund changed.</returns>
    public bool SettleRefund(Guid refundId, GatewayRefundResult outcome, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(actor);
        var refund = _refunds.SingleOrDefault(r => r.Id == refundId)
            ?? throw new ArgumentException($"Refund {refundId} is not one of this request's.", nameof(refundId));
        if (refund.Status == RefundStatus.Succeeded && outcome.Status == GatewayRefundStatus.Failed)
        {
            // Not an out-of-order event: Stripe can fail a refund days after it succeeded, and the money never arrives.
            refund.Reverse(outcome.FailureMessage ?? "The refund failed after it had succeeded.", now);
            HasReversedRefund = true;
            HasFailedRefund = true;
            Touched();
            Record(actor, now, AuditKind.RefundReversed, Status, $"{refund.Money} ({refund.ProviderReference}): {refund.FailureReason}");
            Raise(new CardRefundNeedsStaff(this, refund, CardRefundProblem.Reversed, null, now));
            return true;
        }

        if (refund.Status != RefundStatus.Pending)
        {
            return false;
        }

        if (outcome.Status != GatewayRefundStatus.Failed && outcome.Reported is { } reported && !refund.IsAmount(reported))
        {
            return HoldForReview(refund, outcome, reported, actor, now);
        }

        switch (outcome.Status)
        {
            case GatewayRefundStatus.Succeeded:
                refund.Succeed(outcome.ProviderRefundId, now);
                Touched();
                Record(actor, now, AuditKind.CardRefundSucceeded, Status, $"{refund.Money} ({refund.ProviderReference})");
                CompleteIfSettled(actor, now);
                return true;
            case GatewayRefundStatus.Failed:
                refund.Fail(outcome.FailureMessage ?? "The refund failed.", now);
                if (outcome.ProviderRefundId is not null)
                {
                    refund.RecordProviderReference(outcome.ProviderRefundId);
                }

                HasFailedRefund = true;
                Touched();
                Record(actor, now, AuditKind.CardRefundFailed, Status, $"{refund.Money}: {refund.FailureReason}");
                Raise(new CardRefundNeedsStaff(this, refund, CardRefundProblem.Failed, null, now));
                return true;
            default:
                if (outcome.ProviderRefundId is null || outcome.ProviderRefundId == refund.ProviderReference)
                {
                    return false;
                }

                // Only the provider's id is new: nothing anyone decides on changed, so the version stays.
                refund.RecordProviderReference(outcome.ProviderRefundId);
                return true;
        }
    }

    /// <summary>Why a bank transfer reference cannot be recorded, or null when it can.</summary>
    public static Error? CheckTransferReference(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return Error.Invalid("Enter the bank transfer reference.", "Reference");
        }

        return reference.Trim().Length > MaxTransferReferenceLength
            ? Error.Invalid($"The transfer reference can be at most {MaxTransferReferenceLength} characters.", "Reference")
            : null;
    }

    /// <summary>Staff made the bank transfer: its reference settles the pending refund.</summary>
    public Result<Refund> RecordBankTransfer(Guid refundId, string? reference, Actor staff, DateTimeOffset now)
    {
        if (CheckTransferReference(reference) is { } refused)
        {
            return refused;
        }

        var pending = PendingTransfer(refundId);
        if (!pending.IsSuccess)
        {
            return pending;
        }

        var refund = pending.Value!;
        refund.Succeed(reference!.Trim(), now);
        Touched();
        Record(staff, now, AuditKind.BankTransferRecorded, Status, $"{refund.Money}, reference {refund.ProviderReference}");
        CompleteIfSettled(staff, now);
        return refund;
    }

    /// <summary>
    /// The bank transfer will not be made (wrong account, the shopper prefers another method): the pending refund
    /// stops counting and the request is flagged, so the queue shows it and the retry form offers another method.
    /// </summary>
    public Result<Refund> CancelBankTransfer(Guid refundId, Actor staff, DateTimeOffset now)
    {
        var pending = PendingTransfer(refundId);
        if (!pending.IsSuccess)
        {
            return pending;
        }

        var refund = pending.Value!;
        var canceled = refund.Cancel(now);
        if (!canceled.IsSuccess)
        {
            return canceled.Error!;
        }

        HasFailedRefund = true;
        Touched();
        Record(staff, now, AuditKind.BankTransferCanceled, Status, $"{refund.Money}: choose another way to refund it");
        return refund;
    }

    /// <summary>
    /// A shopper's request for an order with nothing to refund, which the policy lets cancel the moment it is
    /// asked: accepted and completed by the system, with stock and ledgers given back.
    /// </summary>
    public Result CancelAtOnce(DateTimeOffset now)
    {
        var accepted = Accept(Actor.System, now);
        if (!accepted.IsSuccess)
        {
            return accepted;
        }

        var completed = Complete(Actor.System, now, restock: true);
        if (completed.IsSuccess)
        {
            Raise(new ShopperToldOfCancellation(this, now, AtOnce: true));
        }

        return completed;
    }

    /// <summary>
    /// Every refund settled in full (or there was nothing to refund): the request and its order are canceled. Only
    /// the request's own steps call it, so "Canceled" always means the money went back as decided.
    /// </summary>
    internal Result Complete(Actor actor, DateTimeOffset now, bool restock, string? note = null)
    {
        var result = Move(CancellationAction.Complete, actor, now, AuditKind.Canceled, note);
        if (result.IsSuccess)
        {
            ClosedAt = now;
            HasFailedRefund = false;
            Restocked = restock && !Order.IsDropShip;
            Order.MarkCanceled(now);
            Raise(new CancellationCompleted(this, actor, now, Restocked));
        }

        return result;
    }

    private void CompleteIfSettled(Actor actor, DateTimeOffset now)
    {
        if (!CanComplete || Decision is not { } decision || !RefundBalance.SettledInFull(decision, _refunds, Order.Currency))
        {
            return;
        }

        if (Complete(actor, now, decision.Restock).IsSuccess && decision.NotifyShopper)
        {
            Raise(new ShopperToldOfCancellation(this, now, AtOnce: false));
        }
    }

    private Result ChangeOrder(Func<Order, Result> change, AuditKind kind, Actor staff, DateTimeOffset now)
    {
        if (Status is not (CancellationStatus.Requested or CancellationStatus.InProgress))
        {
            return Error.NotAllowed($"A request that is {Status.ToDisplay().ToLowerInvariant()} needs no change to the order.");
        }

        var changed = change(Order);
        if (changed.IsSuccess)
        {
            Note(staff, now, kind, null);
        }

        return changed;
    }

    private Result<Refund> PendingTransfer(Guid refundId) =>
        _refunds.SingleOrDefault(r => r.Id == refundId) is { Method: RefundMethod.BankTransfer, Status: RefundStatus.Pending } refund
            ? refund
            : Error.NotAllowed("There is no pending bank transfer with that id on this request.");

    /// <summary>The provider paid (or is paying) another amount or currency: staff decide, nothing settles on its own.</summary>
    private bool HoldForReview(Refund refund, GatewayRefundResult outcome, Money reported, Actor actor, DateTimeOffset now)
    {
        var reason = $"The payment provider reports a refund of {reported} instead of the {refund.Money} asked for, so it is not settled. Check it in the provider's dashboard.";
        if (!refund.HoldForReview(reason, outcome.ProviderRefundId))
        {
            return false;
        }

        Touched();
        Record(actor, now, AuditKind.CardRefundAmountDiffers, Status, $"{refund.Money}: {reason}");
        Raise(new CardRefundNeedsStaff(this, refund, CardRefundProblem.AmountDiffers, reported, now));
        return true;
    }

    private void Raise(IDomainEvent domainEvent) => _domainEvents.Add(domainEvent);

    public void ClearDomainEvents() => _domainEvents.Clear();

    /// <summary>The store stopped its own shipment so the order can be canceled.</summary>
    public Result RevertFulfillment(Actor staff, DateTimeOffset now) =>
        ChangeOrder(o => o.RevertFulfillment(), AuditKind.FulfillmentReverted, staff, now);

    /// <summary>The drop-ship supplier confirmed the cancellation; refused once the supplier shipped.</summary>
    public Result MarkCanceledWithSupplier(Actor staff, DateTimeOffset now) =>
        ChangeOrder(o => o.MarkCanceledWithSupplier(), AuditKind.CanceledWithSupplier, staff, now);

    /// <summary>Records a step that does not change the status (a refund issued, a shipment stopped).</summary>
    public void Note(Actor actor, DateTimeOffset now, AuditKind kind, string? note)
    {
        Touched();
        Record(actor, now, kind, Status, note);
    }

    private Result Move(CancellationAction action, Actor actor, DateTimeOffset now, AuditKind kind, string? note)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!Transitions.TryGetValue((Status, action), out var to))
        {
            return Refused(action);
        }

        var from = Status;
        Status = to;
        Touched();
        Record(actor, now, kind, from, note);
        return Result.Ok();
    }

    private Error Refused(CancellationAction action) =>
        Error.NotAllowed($"A request with status “{Status.ToDisplay()}” cannot be {PastTense(action)}.");

    private static string PastTense(CancellationAction action) => action switch
    {
        CancellationAction.Accept => "accepted",
        CancellationAction.Reject => "rejected",
        CancellationAction.Withdraw => "withdrawn",
        CancellationAction.Complete => "completed",
        CancellationAction.Undo => "undone",
        CancellationAction.ConfirmRepayment => "marked as repaid",
        CancellationAction.CancelUndo => "put back to canceled",
        _ => action.ToString(),
    };

    /// <summary>The version moves with every change of the request (see <see cref="IVersioned"/>).</summary>
    private void Touched() => Version++;

    private void Record(Actor actor, DateTimeOffset now, AuditKind kind, CancellationStatus? from, string? note)
    {
        // The counter lives on the request, whose version guards it: two writers cannot both number a step N.
        AuditSequence++;
        _auditEntries.Add(new AuditEntry(Id, OrderId, AuditSequence, actor, now, kind, from, Status, note));
        LastChangedByName = actor.Name;
        LastChangedAt = now;
    }
}
