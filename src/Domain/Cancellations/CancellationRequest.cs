using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Domain.Cancellations;

public enum CancellationAction
{
    Accept,
    Reject,
    Withdraw,
    Complete,
    Undo,
    ConfirmRepayment,
}

/// <summary>
/// A request to cancel one order, and the whole lifecycle of DESIGN.md §2. Every transition checks the
/// table below, records who did it and writes an audit entry, so a page cannot move a request where the
/// rules do not allow.
/// </summary>
public sealed class CancellationRequest : IVersioned
{
    public const int MaxCommentLength = 1000;
    public const int MaxRejectionReasonLength = 1000;

    // The lifecycle table: (from, action) → to. Undo lands in AwaitingRepayment instead of Undone when money went back.
    private static readonly Dictionary<(CancellationStatus From, CancellationAction Action), CancellationStatus> Transitions = new()
    {
        [(CancellationStatus.Requested, CancellationAction.Accept)] = CancellationStatus.InProgress,
        [(CancellationStatus.Requested, CancellationAction.Reject)] = CancellationStatus.Rejected,
        [(CancellationStatus.Requested, CancellationAction.Withdraw)] = CancellationStatus.Withdrawn,
        [(CancellationStatus.InProgress, CancellationAction.Complete)] = CancellationStatus.Canceled,
        [(CancellationStatus.InProgress, CancellationAction.Undo)] = CancellationStatus.Undone,
        [(CancellationStatus.Canceled, CancellationAction.Undo)] = CancellationStatus.Undone,
        [(CancellationStatus.AwaitingRepayment, CancellationAction.ConfirmRepayment)] = CancellationStatus.Undone,
    };

    private readonly List<AuditEntry> _auditEntries = [];

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

    public string LastChangedByName { get; private set; } = "";
    public DateTimeOffset LastChangedAt { get; private set; }
    public long Version { get; private set; }

    /// <summary>The number of the request's last audit step; the next step gets the next number.</summary>
    public long AuditSequence { get; private set; }

    public IReadOnlyList<AuditEntry> AuditEntries => _auditEntries;

    public bool CanAccept => Can(CancellationAction.Accept);
    public bool CanReject => Can(CancellationAction.Reject);
    public bool CanWithdraw => Can(CancellationAction.Withdraw);
    public bool CanComplete => Can(CancellationAction.Complete);
    public bool CanUndo => Can(CancellationAction.Undo);
    public bool CanConfirmRepayment => Can(CancellationAction.ConfirmRepayment);

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

    public Result Decide(CancellationDecision decision, Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!CanDecide)
        {
            return Error.NotAllowed(Decision is null
                ? $"A request with status “{Status.ToDisplay()}” cannot be decided."
                : "A decision has already been recorded for this request.");
        }

        Decision = decision;
        Touched();
        Record(staff, now, AuditKind.DecisionRecorded, Status, decision.Summary(Order.Currency));
        return Result.Ok();
    }

    /// <summary>Every refund settled in full (or there was nothing to refund): the order is canceled.</summary>
    public Result Complete(Actor actor, DateTimeOffset now, string? note = null)
    {
        var result = Move(CancellationAction.Complete, actor, now, AuditKind.Canceled, note);
        if (result.IsSuccess)
        {
            ClosedAt = now;
            HasFailedRefund = false;
        }

        return result;
    }

    /// <summary>Reverses the cancellation. When money already went back, the undo waits for the shopper to pay again.</summary>
    public Result Undo(Actor staff, bool moneyWentBack, string? note, DateTimeOffset now)
    {
        if (!CanUndo)
        {
            return Refused(CancellationAction.Undo);
        }

        var from = Status;
        Status = moneyWentBack ? CancellationStatus.AwaitingRepayment : CancellationStatus.Undone;
        ClosedAt = moneyWentBack ? null : now;
        Touched();
        Record(staff, now, moneyWentBack ? AuditKind.UndoStarted : AuditKind.Undone, from, note);
        return Result.Ok();
    }

    public Result ConfirmRepayment(Actor actor, string note, DateTimeOffset now)
    {
        var result = Move(CancellationAction.ConfirmRepayment, actor, now, AuditKind.RepaymentReceived, note);
        if (result.IsSuccess)
        {
            ClosedAt = now;
        }

        return result;
    }

    public void FlagFailedRefund(bool failed)
    {
        if (HasFailedRefund != failed)
        {
            HasFailedRefund = failed;
            Touched();
        }
    }

    /// <summary>
    /// The provider failed a refund after reporting it succeeded. Flagged as a failed refund too, so a request
    /// still in progress offers the retry; a canceled one keeps the flag until staff repay the shopper.
    /// </summary>
    public void FlagReversedRefund(Actor actor, DateTimeOffset now, string note)
    {
        HasReversedRefund = true;
        HasFailedRefund = true;
        Touched();
        Record(actor, now, AuditKind.RefundReversed, Status, note);
    }

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
