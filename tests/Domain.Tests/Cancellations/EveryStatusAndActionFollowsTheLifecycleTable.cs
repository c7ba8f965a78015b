using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>
/// DESIGN.md §2 as a table: every status × every step a page can offer. The cases come from the enums, so a
/// new status or action shows up here as a failing case until the table below says what it should do.
/// </summary>
public sealed class EveryStatusAndActionFollowsTheLifecycleTable
{
    /// <summary>
    /// What a page can do to a request: each action, Undo with nothing due (the store credit is still on the
    /// shopper's balance) and with money due (it was spent), a repayment in part and in full, and recording a decision.
    /// </summary>
    public enum Step
    {
        Accept,
        Reject,
        Withdraw,
        Complete,
        UndoWithoutMoneyBack,
        UndoAfterMoneyWentBack,
        RepayInPart,
        RepayInFull,
        CancelUndo,
        Decide,
    }

    private const CancellationStatus Refused = (CancellationStatus)(-1);

    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset StepAt = Start.AddHours(5);
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");
    private static readonly Actor OtherStaff = Actor.Staff("staff-2", "Max Manager");

    /// <summary>The expected table: (status, step) → where the request lands. Anything missing is refused.</summary>
    private static readonly Dictionary<(CancellationStatus, Step), CancellationStatus> Allowed = new()
    {
        [(CancellationStatus.Requested, Step.Accept)] = CancellationStatus.InProgress,
        [(CancellationStatus.Requested, Step.Reject)] = CancellationStatus.Rejected,
        [(CancellationStatus.Requested, Step.Withdraw)] = CancellationStatus.Withdrawn,

        [(CancellationStatus.InProgress, Step.Complete)] = CancellationStatus.Canceled,
        [(CancellationStatus.InProgress, Step.UndoWithoutMoneyBack)] = CancellationStatus.Undone,
        [(CancellationStatus.InProgress, Step.UndoAfterMoneyWentBack)] = CancellationStatus.AwaitingRepayment,
        [(CancellationStatus.InProgress, Step.Decide)] = CancellationStatus.InProgress,

        [(CancellationStatus.Canceled, Step.UndoWithoutMoneyBack)] = CancellationStatus.Undone,
        [(CancellationStatus.Canceled, Step.UndoAfterMoneyWentBack)] = CancellationStatus.AwaitingRepayment,

        [(CancellationStatus.AwaitingRepayment, Step.RepayInPart)] = CancellationStatus.AwaitingRepayment,
        [(CancellationStatus.AwaitingRepayment, Step.RepayInFull)] = CancellationStatus.Undone,
        [(CancellationStatus.AwaitingRepayment, Step.CancelUndo)] = CancellationStatus.Canceled,

        // Rejected, Withdrawn and Undone are final: every step is refused.
    };

    public static TheoryData<CancellationStatus, Step> EveryStatusAndStep()
    {
        var data = new TheoryData<CancellationStatus, Step>();
        foreach (var status in Enum.GetValues<CancellationStatus>())
        {
            foreach (var step in Steps())
            {
                data.Add(status, step);
            }
        }

        return data;
    }

    [Fact]
    public void TheStepsCoverEveryActionOfTheAggregate()
    {
        var covered = Steps().Select(ActionOf).OfType<CancellationAction>().Distinct();

        covered.ShouldBe(Enum.GetValues<CancellationAction>(), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public void TheStepLandsWhereTheTableSaysOrIsRefusedWithoutChangingAnything(CancellationStatus status, Step step)
    {
        var request = RequestIn(status, IsUndo(step));
        request.Status.ShouldBe(status);
        var auditBefore = request.AuditEntries.Count;
        var changedBy = request.LastChangedByName;
        var changedAt = request.LastChangedAt;
        var closedAt = request.ClosedAt;
        var version = request.Version;
        var expected = Allowed.TryGetValue((status, step), out var to) ? to : Refused;

        var result = Perform(request, step);

        if (expected == Refused)
        {
            result.IsSuccess.ShouldBeFalse($"{step} from {status} should be refused");
            result.Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
            result.Error.Message.ShouldContain($"“{status.ToDisplay()}”");
            request.Status.ShouldBe(status);
            request.AuditEntries.Count.ShouldBe(auditBefore);
            request.LastChangedByName.ShouldBe(changedBy);
            request.LastChangedAt.ShouldBe(changedAt);
            request.ClosedAt.ShouldBe(closedAt);
            request.Version.ShouldBe(version, "a refused step changes nothing, so the version stays");
            return;
        }

        result.IsSuccess.ShouldBeTrue($"{step} from {status} should be allowed, but: {result.Error?.Message}");
        request.Status.ShouldBe(expected);
        request.Version.ShouldBe(version + 1, "every change of the request moves its version, once per step");
        request.AuditEntries.Count.ShouldBe(auditBefore + 1);
        var entry = request.AuditEntries[^1];
        var actor = ActorOf(step);
        entry.RequestId.ShouldBe(request.Id);
        entry.OrderId.ShouldBe(request.OrderId);
        entry.ActorKind.ShouldBe(actor.Kind);
        entry.ActorId.ShouldBe(actor.Id);
        entry.ActorName.ShouldBe(actor.Name);
        entry.At.ShouldBe(StepAt);
        entry.FromStatus.ShouldBe(status);
        entry.ToStatus.ShouldBe(expected);
        entry.Note.ShouldBe(NoteOf(step) ?? (step == Step.Decide ? request.Decision!.Summary(request.Order.Currency) : null));
        entry.Sequence.ShouldBe(auditBefore + 1);
        request.AuditSequence.ShouldBe(entry.Sequence);
        request.LastChangedByName.ShouldBe(actor.Name);
        request.LastChangedAt.ShouldBe(StepAt);
        request.IsOpen.ShouldBe(expected.IsOpen());
        if (expected.IsOpen())
        {
            request.ClosedAt.ShouldBeNull();
        }
        else
        {
            request.ClosedAt.ShouldBe(StepAt);
        }
    }

    [Theory]
    [MemberData(nameof(EveryStatusAndStep))]
    public void TheCanPredicateAgreesWithTheOutcome(CancellationStatus status, Step step)
    {
        var request = RequestIn(status, IsUndo(step));

        var predicate = Can(request, step);
        var outcome = Perform(request, step).IsSuccess;

        predicate.ShouldBe(Allowed.ContainsKey((status, step)));
        outcome.ShouldBe(predicate);
    }

    [Fact]
    public void ADecisionIsRecordedOnlyOnce()
    {
        var request = RequestIn(CancellationStatus.InProgress);
        Perform(request, Step.Decide).IsSuccess.ShouldBeTrue();
        var auditCount = request.AuditEntries.Count;

        request.CanDecide.ShouldBeFalse();
        var second = request.Decide(Decision() with { Amount = 1m, KeptReason = "Fee" }, TestRefundRules.All, Staff, StepAt.AddMinutes(1));

        second.Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
        request.Decision!.RefundAmount.ShouldBe(40m);
        request.AuditEntries.Count.ShouldBe(auditCount);
        request.LastChangedByName.ShouldBe(OtherStaff.Name);
        second.Error.Message.ShouldContain("already");
    }

    private static IEnumerable<Step> Steps() => Enum.GetValues<Step>();

    /// <summary>The aggregate action a step exercises; null for Decide, which is no status change.</summary>
    private static CancellationAction? ActionOf(Step step) => step switch
    {
        Step.Accept => CancellationAction.Accept,
        Step.Reject => CancellationAction.Reject,
        Step.Withdraw => CancellationAction.Withdraw,
        Step.Complete => CancellationAction.Complete,
        Step.UndoWithoutMoneyBack or Step.UndoAfterMoneyWentBack => CancellationAction.Undo,
        Step.RepayInPart or Step.RepayInFull => CancellationAction.ConfirmRepayment,
        Step.CancelUndo => CancellationAction.CancelUndo,
        Step.Decide => null,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Say in the table what this step does."),
    };

    private static Actor ActorOf(Step step) => step == Step.Withdraw ? Shopper : OtherStaff;

    private static string? NoteOf(Step step) => step switch
    {
        Step.Reject => "Already handed to the courier.",
        Step.Complete => "Refunded in full.",
        Step.UndoWithoutMoneyBack or Step.UndoAfterMoneyWentBack => "The shopper wants the order after all.",
        Step.RepayInPart => "EUR 10.00 repaid by bank transfer, reference BANK-1; EUR 30.00 still due",
        Step.RepayInFull => "EUR 40.00 repaid by bank transfer, reference BANK-1",
        _ => null,
    };

    private static Result Perform(CancellationRequest request, Step step) => step switch
    {
        Step.Accept => request.Accept(ActorOf(step), StepAt),
        Step.Reject => request.Reject(ActorOf(step), NoteOf(step)!, StepAt),
        Step.Withdraw => request.Withdraw(ActorOf(step), StepAt),
        Step.Complete => request.Complete(ActorOf(step), StepAt, restock: true, NoteOf(step)),
        Step.UndoWithoutMoneyBack => request.Undo(ActorOf(step), NoteOf(step), backorder: false, Balance(1000m), StepAt),
        Step.UndoAfterMoneyWentBack => request.Undo(ActorOf(step), NoteOf(step), backorder: false, Balance(0m), StepAt),
        Step.RepayInPart => request.RecordRepayment(10m, "BANK-1", ActorOf(step), StepAt),
        Step.RepayInFull => request.RecordRepayment(40m, "BANK-1", ActorOf(step), StepAt),
        Step.CancelUndo => request.CancelUndo(ActorOf(step), StepAt),
        Step.Decide => request.Decide(Decision(), TestRefundRules.All, ActorOf(step), StepAt),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Say in the table what this step does."),
    };

    private static bool Can(CancellationRequest request, Step step) => step switch
    {
        Step.Accept => request.CanAccept,
        Step.Reject => request.CanReject,
        Step.Withdraw => request.CanWithdraw,
        Step.Complete => request.CanComplete,
        Step.UndoWithoutMoneyBack or Step.UndoAfterMoneyWentBack => request.CanUndo,
        Step.RepayInPart or Step.RepayInFull => request.CanConfirmRepayment,
        Step.CancelUndo => request.CanCancelUndo,
        Step.Decide => request.CanDecide,
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Say in the table which predicate drives this step."),
    };

    private static bool IsUndo(Step step) => step is Step.UndoWithoutMoneyBack or Step.UndoAfterMoneyWentBack;

    /// <summary>The shopper's store-credit balance when the undo is decided; the shelf holds plenty.</summary>
    internal static UndoContext Balance(decimal storeCredit) =>
        new(storeCredit, 0, 100, new Dictionary<string, int> { ["SKU-0001"] = 100 }, CreditNoteToAnswer: null);

    /// <summary>A refund left for later: the decision is one step, with no refund issued in it.</summary>
    private static DecisionInput Decision() => new(
        DecisionReason.CustomerRequest, null, RefundMethod.OriginalPayment, 40m, null, RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: null);

    /// <summary>
    /// Drives a fresh request to a status through the real transitions. A canceled request (and one undone after it)
    /// was refunded EUR 40.00 in store credit; an undo from In progress finds EUR 10.00 already refunded in store
    /// credit when <paramref name="moneyWentBack"/>.
    /// </summary>
    internal static CancellationRequest RequestIn(CancellationStatus status, bool moneyWentBack = false)
    {
        var order = TestOrders.Paid(PaymentMethod.Card, 40m);
        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Start).Value!;
        var at = Start.AddHours(1);
        var inStoreCredit = Decision() with { Method = RefundMethod.StoreCredit, RefundNow = true };
        switch (status)
        {
            case CancellationStatus.Requested:
                break;
            case CancellationStatus.InProgress:
                request.Accept(Staff, at).IsSuccess.ShouldBeTrue();
                if (moneyWentBack)
                {
                    request.Decide(Decision() with { Method = RefundMethod.StoreCredit }, TestRefundRules.All, Staff, at).IsSuccess.ShouldBeTrue();
                    request.IssueRefund(RefundMethod.StoreCredit, 10m, TestRefundRules.All, Staff, at).IsSuccess.ShouldBeTrue();
                }

                break;
            case CancellationStatus.Canceled:
                request.Accept(Staff, at).IsSuccess.ShouldBeTrue();
                request.Decide(inStoreCredit, TestRefundRules.All, Staff, at).IsSuccess.ShouldBeTrue();
                break;
            case CancellationStatus.Rejected:
                request.Reject(Staff, "Out of reach.", at).IsSuccess.ShouldBeTrue();
                break;
            case CancellationStatus.Withdrawn:
                request.Withdraw(Shopper, at).IsSuccess.ShouldBeTrue();
                break;
            case CancellationStatus.AwaitingRepayment:
                request.Accept(Staff, at).IsSuccess.ShouldBeTrue();
                request.Decide(inStoreCredit, TestRefundRules.All, Staff, at).IsSuccess.ShouldBeTrue();
                request.Undo(Staff, "Kept after all.", backorder: false, Balance(0m), at).IsSuccess.ShouldBeTrue();
                break;
            case CancellationStatus.Undone:
                request.Accept(Staff, at).IsSuccess.ShouldBeTrue();
                request.Undo(Staff, "Kept after all.", backorder: false, Balance(0m), at).IsSuccess.ShouldBeTrue();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, "Say how a request reaches this status.");
        }

        request.Status.ShouldBe(status);
        return request;
    }
}
