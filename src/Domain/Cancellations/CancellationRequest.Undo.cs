using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// Undoing a cancellation (DESIGN.md §2): the request decides, refund by refund, what undoing means; it moves to
/// Undone when nothing is due, or to AwaitingRepayment until the shopper has paid back what reached them. Nothing
/// is Undone while money is due.
/// </summary>
public sealed partial class CancellationRequest
{
    /// <summary>Why an undo reason cannot be recorded, or null when it can.</summary>
    public static Error? CheckUndoReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("Give a reason for undoing the cancellation.", nameof(UndoReason));
        }

        return reason.Trim().Length > MaxUndoReasonLength
            ? Error.Invalid($"The reason can be at most {MaxUndoReasonLength} characters.", nameof(UndoReason))
            : null;
    }

    /// <summary>Why the shopper cannot ask to keep the order now, or null when they can.</summary>
    /// <param name="windowDays">For how many days after the cancellation the store takes such a request; 0 for none.</param>
    public string? WhyShopperCannotAskToKeep(int windowDays, DateTimeOffset now)
    {
        if (Status != CancellationStatus.Canceled || ClosedAt is not { } closed)
        {
            return "Only a canceled order can be kept after all.";
        }

        if (UndoAskedAt is not null)
        {
            return "You already asked to keep this order: our team is looking at it and emails you.";
        }

        return windowDays <= 0 || now - closed > TimeSpan.FromDays(windowDays)
            ? "This order was canceled too long ago to be kept: please order the items again."
            : null;
    }

    /// <summary>
    /// The shopper changed their mind after the cancellation: the request is flagged in the queue for staff, who
    /// undo it (checking what must be repaid) or leave it canceled. Nothing else changes.
    /// </summary>
    public Result AskToKeep(Actor shopper, int windowDays, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        if (shopper.Id != Order.CustomerId)
        {
            return Error.NotFound("No such order.");
        }

        if (WhyShopperCannotAskToKeep(windowDays, now) is { } refused)
        {
            return Error.NotAllowed(refused);
        }

        UndoAskedAt = now;
        Touched();
        Record(shopper, now, AuditKind.UndoAsked, Status, "I changed my mind: keep my order.");
        return Result.Ok();
    }

    /// <summary>What <see cref="Undo"/> would do now, or why it cannot: the Undo page shows it before anything happens.</summary>
    public Result<UndoPlan> PreviewUndo(UndoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CanUndo ? PlanUndo(context) : Refused(CancellationAction.Undo);
    }

    /// <summary>
    /// Undoes the cancellation as <see cref="PreviewUndo"/> showed: pending bank transfers are withdrawn, pending card
    /// refunds the provider canceled stop counting, store credit and points are taken back as far as the balance
    /// covers them, and what is left is due from the shopper. With nothing due the order is active again at once.
    /// </summary>
    /// <param name="backorder">Undo even though the shelf no longer holds every item, with the missing ones on backorder.</param>
    public Result<UndoPlan> Undo(Actor staff, string? reason, bool backorder, UndoContext context, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(context);
        if (!CanUndo)
        {
            return Refused(CancellationAction.Undo);
        }

        if (CheckUndoReason(reason) is { } badReason)
        {
            return badReason;
        }

        var plan = PlanUndo(context);
        if (plan.StockRefusal(backorder) is { } noStock)
        {
            return noStock;
        }

        foreach (var line in plan.Lines.Where(l => l.RefundId is not null))
        {
            ApplyToRefund(_refunds.Single(r => r.Id == line.RefundId), line, context, staff, now);
        }

        if (plan.StoreCreditTakenBack > 0m || plan.PointsTakenBack > 0)
        {
            StoreCreditTakenBack = plan.StoreCreditTakenBack;
            PointsTakenBack = plan.PointsTakenBack;
            Raise(new UndoMovedLedger(this, -plan.StoreCreditTakenBack, -plan.PointsTakenBack, $"Order {Order.Number} kept: refund taken back", now));
        }

        var from = Status;
        UndoReason = reason!.Trim();
        UndoStartedAt = now;
        AmountDue = plan.Due.Amount;
        Backordered = plan.Shortfalls.Count > 0;
        Touched();
        if (plan.CompletesAtOnce)
        {
            FinishUndo(staff, now, from, AuditKind.Undone, UndoReason);
        }
        else
        {
            Status = CancellationStatus.AwaitingRepayment;
            ClosedAt = null;
            Record(staff, now, AuditKind.UndoStarted, from, UndoReason);
            Raise(new UndoAwaitsRepayment(this, now));
        }

        return plan;
    }

    /// <summary>Why a repayment cannot be recorded, or null when it can.</summary>
    public Error? WhyNotRepayment(decimal amount, string? reference)
    {
        if (!CanConfirmRepayment)
        {
            return Refused(CancellationAction.ConfirmRepayment);
        }

        if (amount <= 0m)
        {
            return Error.Invalid("The amount received must be more than zero.", "Amount");
        }

        if (!Money.FitsCurrency(amount, Order.Currency))
        {
            return Error.Invalid($"{Order.Currency} amounts cannot have that many decimals.", "Amount");
        }

        if (string.IsNullOrWhiteSpace(reference))
        {
            return Error.Invalid("Enter the reference of the incoming payment.", "Reference");
        }

        return reference.Trim().Length > Repayment.MaxReferenceLength
            ? Error.Invalid($"The reference can be at most {Repayment.MaxReferenceLength} characters.", "Reference")
            : null;
    }

    /// <summary>
    /// Staff received a bank transfer from the shopper. Any amount is recorded: a part leaves the rest due, and
    /// the payment that covers what is due completes the undo.
    /// </summary>
    public Result<Repayment> RecordRepayment(decimal amount, string? reference, Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (WhyNotRepayment(amount, reference) is { } refused)
        {
            return refused;
        }

        var repayment = Repayment.Create(Id, RepaymentMethod.BankTransfer, new Money(amount, Order.Currency), RepaymentStatus.Received, reference!.Trim(), staff.Name, now);
        _repayments.Add(repayment);
        Repaid(repayment, staff, now);
        return repayment;
    }

    /// <summary>
    /// The shopper pays what is due by card: a pending repayment whose id is the provider's idempotency key. A
    /// payment already started for the same amount is reused, so clicking twice never charges twice.
    /// </summary>
    public Result<Repayment> StartCardRepayment(Actor shopper, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        if (shopper.Kind == ActorKind.Shopper && shopper.Id != Order.CustomerId)
        {
            return Error.NotFound("No such order.");
        }

        if (!CanConfirmRepayment)
        {
            return Error.NotAllowed("Nothing is due on this order.");
        }

        var due = RepaymentDue;
        if (_repayments.FirstOrDefault(r => r is { Method: RepaymentMethod.Card, Status: RepaymentStatus.Pending } && r.Amount == due.Amount) is { } started)
        {
            return started;
        }

        var repayment = Repayment.Create(Id, RepaymentMethod.Card, due, RepaymentStatus.Pending, null, shopper.Name, now);
        _repayments.Add(repayment);
        Touched();
        Record(shopper, now, AuditKind.RepaymentStarted, Status, $"{due} by card");
        return repayment;
    }

    /// <summary>The provider's payment id for a card repayment it accepted but has not confirmed yet.</summary>
    public void RecordRepaymentReference(Guid repaymentId, string reference) =>
        _repayments.Single(r => r.Id == repaymentId).RecordProviderReference(reference);

    /// <summary>
    /// The provider confirmed a card repayment (the page's return, a webhook or reconciliation, in any order and
    /// more than once): the first confirmation counts. Another amount than asked is recorded as paid; the
    /// difference stays due.
    /// </summary>
    /// <returns>True when the repayment changed.</returns>
    public bool SettleCardRepayment(Guid repaymentId, Money paid, string? providerReference, Actor actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var repayment = _repayments.SingleOrDefault(r => r.Id == repaymentId)
            ?? throw new ArgumentException($"Repayment {repaymentId} is not one of this request's.", nameof(repaymentId));
        // A payment for an undo no longer waiting for it (completed, or kept canceled by staff) changes nothing here.
        if (!CanConfirmRepayment || repayment.Status != RepaymentStatus.Pending || !string.Equals(paid.Currency, Order.Currency, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        repayment.Receive(paid.Amount, providerReference, now);
        Repaid(repayment, actor, now);
        return true;
    }

    /// <summary>
    /// Staff stop a pending undo: the order stays canceled, and store credit or points the undo took back go back
    /// to the shopper. Refused once the shopper repaid anything, which would have to be refunded first.
    /// </summary>
    public Result CancelUndo(Actor staff, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(staff);
        if (!CanCancelUndo)
        {
            return Refused(CancellationAction.CancelUndo);
        }

        var repaid = _repayments.Where(r => r.Status == RepaymentStatus.Received).Sum(r => r.Amount);
        if (repaid > 0m)
        {
            return Error.NotAllowed(
                $"The shopper already repaid {Money.Format(repaid, Order.Currency)}: record the rest to complete the undo, or refund what they repaid before keeping the order canceled.");
        }

        var result = Move(CancellationAction.CancelUndo, staff, now, AuditKind.UndoCanceled, null);
        if (!result.IsSuccess)
        {
            return result;
        }

        ClosedAt = now;
        if (StoreCreditTakenBack > 0m || PointsTakenBack > 0)
        {
            Raise(new UndoMovedLedger(this, StoreCreditTakenBack, PointsTakenBack, $"Order {Order.Number} stays canceled: refund given back", now));
            StoreCreditTakenBack = 0m;
            PointsTakenBack = 0;
        }

        return result;
    }

    /// <summary>
    /// Reminds the shopper of a repayment overdue by the store's days: once when it becomes overdue, then again
    /// after as many days again.
    /// </summary>
    /// <returns>True when a reminder was due and is on its way.</returns>
    public bool RemindOfRepayment(int overdueAfterDays, DateTimeOffset now)
    {
        var after = TimeSpan.FromDays(Math.Max(1, overdueAfterDays));
        if (!CanConfirmRepayment || UndoStartedAt is not { } started || now - (RepaymentReminderSentAt ?? started) <= after)
        {
            return false;
        }

        RepaymentReminderSentAt = now;
        Touched();
        Record(Actor.System, now, AuditKind.RepaymentReminderSent, Status, $"{RepaymentDue} still due");
        Raise(new ShopperRemindedOfRepayment(this, now));
        return true;
    }

    private void Repaid(Repayment repayment, Actor actor, DateTimeOffset now)
    {
        var note = $"{repayment.Money} repaid by {repayment.Method.ToDisplay().ToLowerInvariant()}, reference {repayment.Reference}";
        Touched();
        if (RepaymentDue.Amount > 0m)
        {
            Record(actor, now, AuditKind.RepaymentReceived, Status, $"{note}; {RepaymentDue} still due");
            return;
        }

        FinishUndo(actor, now, Status, AuditKind.Undone, note);
    }

    /// <summary>Nothing is due any more: the order is active again, and the stock, invoice and email follow.</summary>
    private void FinishUndo(Actor actor, DateTimeOffset now, CancellationStatus from, AuditKind kind, string note)
    {
        Status = Transitions[(from, from == CancellationStatus.AwaitingRepayment ? CancellationAction.ConfirmRepayment : CancellationAction.Undo)];
        ClosedAt = now;
        Record(actor, now, kind, from, note);
        Order.Reactivate();
        Raise(new CancellationUndone(this, actor, now));
        Raise(new ShopperToldOfUndo(this, now));
    }

    private void ApplyToRefund(Refund refund, UndoLine line, UndoContext context, Actor staff, DateTimeOffset now)
    {
        switch (line.Step)
        {
            case UndoStep.WithdrawTransfer:
                refund.Cancel(now);
                Record(staff, now, AuditKind.RefundCanceledForUndo, Status, $"{refund.Money} bank transfer withdrawn");
                break;
            case UndoStep.CancelAtProvider:
                refund.Cancel(now);
                Record(staff, now, AuditKind.RefundCanceledForUndo, Status, $"{refund.Money} card refund canceled ({refund.ProviderReference})");
                break;
            case UndoStep.DueFromShopper when refund.Status == RefundStatus.Pending
                && context.CardCancels?.GetValueOrDefault(refund.Id)?.Current is { Status: GatewayRefundStatus.Succeeded } current:
                // The provider could not cancel it because it had already paid it: it is settled here, and is due.
                refund.Succeed(current.ProviderRefundId, now);
                Record(staff, now, AuditKind.CardRefundSucceeded, Status, $"{refund.Money} ({refund.ProviderReference})");
                break;
            default:
                break;
        }
    }

    private UndoPlan PlanUndo(UndoContext context)
    {
        var currency = Order.Currency;
        var credit = Math.Max(0m, context.StoreCreditBalance);
        var points = Math.Max(0L, context.PointsBalance);
        var lines = new List<UndoLine>();
        Money None() => new(0m, currency);

        foreach (var refund in _refunds)
        {
            var what = $"Refund of {refund.Money} ({refund.Method.ToDisplay()})";
            switch (refund.Method, refund.Status)
            {
                case (RefundMethod.OriginalPayment, RefundStatus.Pending):
                    var cancel = context.CardCancels?.GetValueOrDefault(refund.Id);
                    lines.Add(cancel is null or { Canceled: true }
                        ? new UndoLine(what, refund.Id, UndoStep.CancelAtProvider, refund.Money, 0m, 0, None())
                        : new UndoLine(what, refund.Id, UndoStep.DueFromShopper, refund.Money, 0m, 0, refund.Money));
                    break;
                case (RefundMethod.BankTransfer, RefundStatus.Pending):
                    lines.Add(new UndoLine(what, refund.Id, UndoStep.WithdrawTransfer, refund.Money, 0m, 0, None()));
                    break;
                case (RefundMethod.OriginalPayment or RefundMethod.BankTransfer, RefundStatus.Succeeded):
                    lines.Add(new UndoLine(what, refund.Id, UndoStep.DueFromShopper, refund.Money, 0m, 0, refund.Money));
                    break;
                case (RefundMethod.StoreCredit, RefundStatus.Succeeded):
                    lines.Add(TakeBackCredit(what, refund.Id, refund.Amount, ref credit));
                    break;
                case (RefundMethod.Points, RefundStatus.Succeeded):
                    lines.Add(TakeBackPoints(what, refund.Id, refund.Amount, PointsOf(refund, context), ref points));
                    break;
                case (_, RefundStatus.Reversed):
                    lines.Add(new UndoLine(what, refund.Id, UndoStep.CheckWithProvider, refund.Money, 0m, 0, None()));
                    break;
                default:
                    lines.Add(new UndoLine(what, refund.Id, UndoStep.NothingWentBack, refund.Money, 0m, 0, None()));
                    break;
            }
        }

        // What the shopper paid with store credit or points was given back on its own when the order was canceled.
        if (Status == CancellationStatus.Canceled && Order.PaymentMethod == PaymentMethod.StoreCredit && Order.AmountPaid > 0m)
        {
            lines.Add(TakeBackCredit($"Store credit paid for the order, {Order.PaidMoney}", null, Order.AmountPaid, ref credit));
        }

        if (Status == CancellationStatus.Canceled && Order.PointsRedeemed > 0)
        {
            var worth = RoundUp(Order.PointsRedeemed / (decimal)Math.Max(1, context.PointsPerCurrencyUnit), currency);
            lines.Add(TakeBackPoints($"{Order.PointsRedeemed:N0} points redeemed for the order", null, worth, Order.PointsRedeemed, ref points));
        }

        var shortfalls = Restocked
            ? Order.Lines.GroupBy(l => l.Sku)
                .Select(g => new StockShortfall(g.Key, g.First().Name, g.Sum(l => l.Quantity), context.OnHand.GetValueOrDefault(g.Key)))
                .Where(s => s.Missing > 0)
                .ToList()
            : [];
        return new UndoPlan(
            lines,
            new Money(lines.Sum(l => l.Due.Amount), currency),
            Restocked,
            shortfalls,
            Order.SupplierStatus == SupplierOrderStatus.Canceled,
            context.CreditNoteToAnswer);
    }

    private UndoLine TakeBackCredit(string what, Guid? refundId, decimal amount, ref decimal balance)
    {
        var taken = Math.Min(balance, amount);
        balance -= taken;
        var due = new Money(amount - taken, Order.Currency);
        return new UndoLine(what, refundId, due.Amount > 0m ? UndoStep.DueFromShopper : UndoStep.TakeBackFromLedger, new Money(amount, Order.Currency), taken, 0, due);
    }

    /// <param name="worth">What the points are worth in the order's currency: a shortfall is due in that proportion.</param>
    private UndoLine TakeBackPoints(string what, Guid? refundId, decimal worth, long owed, ref long balance)
    {
        var taken = Math.Min(balance, owed);
        balance -= taken;
        var due = owed == 0 ? 0m : RoundUp(worth * (owed - taken) / owed, Order.Currency);
        return new UndoLine(what, refundId, due > 0m ? UndoStep.DueFromShopper : UndoStep.TakeBackFromLedger, new Money(worth, Order.Currency), 0m, taken, new Money(due, Order.Currency));
    }

    /// <summary>The points a points refund bought back, as recorded when it was issued ("points:1234").</summary>
    private static long PointsOf(Refund refund, UndoContext context) =>
        refund.ProviderReference is { } reference && reference.StartsWith("points:", StringComparison.Ordinal)
            && long.TryParse(reference.AsSpan("points:".Length), System.Globalization.CultureInfo.InvariantCulture, out var points)
            ? points
            : (long)Math.Round(refund.Amount * context.PointsPerCurrencyUnit, MidpointRounding.AwayFromZero);

    /// <summary>A part of an amount, rounded up to the currency's minor unit so the store is never short by a cent.</summary>
    private static decimal RoundUp(decimal amount, string currency)
    {
        var scale = (decimal)Math.Pow(10, Money.DecimalsOf(currency));
        return Math.Ceiling(amount * scale) / scale;
    }
}
