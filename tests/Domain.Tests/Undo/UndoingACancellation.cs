using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CancellationPortal.Domain.Tests.Undo;

/// <summary>
/// Undoing a cancellation, refund method by refund method and outcome by outcome, through the use cases and the
/// database: what is canceled, what is taken back, what is due, and the stock, invoice, ledger and emails that
/// commit with it. Nothing is Undone while money is due.
/// </summary>
public abstract class UndoingACancellation(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");
    private static readonly Actor Other = Actor.Staff("staff-2", "Max Manager");
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Shopper customer-1");

    private readonly ScriptedGateway _gateway = new();

    [Fact]
    public async Task WithNothingRefundedYetTheOrderIsActiveAgainAtOnce()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer) with { RefundNow = false });

        var undone = await UndoAsync(id);

        undone.Error.ShouldBeNull();
        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Order.IsCanceled.ShouldBeFalse();
        request.UndoReason.ShouldBe("The shopper wants it after all.");
        (await EmailsAsync(check)).ShouldContain(e => e.Subject == $"Order {request.Order.Number} is active again");
    }

    [Fact]
    public async Task APendingBankTransferIsWithdrawnAndNothingIsDue()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer));

        (await UndoAsync(id)).Error.ShouldBeNull();

        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Refunds.ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Canceled);
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.RefundCanceledForUndo);
    }

    [Fact]
    public async Task APendingCardRefundTheProviderCancelsStopsCountingAndNothingIsDue()
    {
        var id = await DecidedAsync(Refund(RefundMethod.OriginalPayment), settle: GatewayRefundResult.Pending("re_pending"));
        _gateway.NextCancel = GatewayRefundCancel.Done;

        (await UndoAsync(id)).Error.ShouldBeNull();

        _gateway.Cancels.ShouldHaveSingleItem().ProviderRefundId.ShouldBe("re_pending");
        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Refunds.ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Canceled);
    }

    [Fact]
    public async Task APendingCardRefundTheProviderAlreadyPaidIsDueFromTheShopper()
    {
        var id = await DecidedAsync(Refund(RefundMethod.OriginalPayment), settle: GatewayRefundResult.Pending("re_paid"));
        _gateway.NextCancel = GatewayRefundCancel.Refused(GatewayRefundResult.Success("re_paid"), "Stripe can no longer cancel this refund.");

        (await UndoAsync(id)).Error.ShouldBeNull();

        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.AwaitingRepayment);
        request.Refunds.ShouldHaveSingleItem().Status.ShouldBe(RefundStatus.Succeeded);
        request.RepaymentDue.ShouldBe(new Money(40m, "EUR"));
        request.Order.IsCanceled.ShouldBeFalse("it was never canceled: the request was still in progress");
        (await EmailsAsync(check)).ShouldContain(e => e.Subject == $"Keeping order {request.Order.Number}: EUR 40.00 to pay");
    }

    [Fact]
    public async Task ASucceededCardRefundWaitsForTheShoppersCardPaymentWhichCompletesTheUndo()
    {
        var id = await DecidedAsync(Refund(RefundMethod.OriginalPayment), settle: GatewayRefundResult.Success("re_done"));
        (await UndoAsync(id)).Error.ShouldBeNull();
        string number;
        await using (var db = NewContext())
        {
            var request = await LoadAsync(db, id);
            request.Status.ShouldBe(CancellationStatus.AwaitingRepayment);
            request.Order.IsCanceled.ShouldBeTrue("nothing is active again while money is due");
            number = request.Order.Number;
        }

        var payment = (await PayAsync(number)).Value.ShouldNotBeNull();
        var again = (await PayAsync(number)).Value.ShouldNotBeNull();
        again.RepaymentId.ShouldBe(payment.RepaymentId, "a second click opens the same payment");
        (await ConfirmAsync(payment)).ShouldBeFalse("not paid yet");
        _gateway.MarkPaid(payment.PaymentReference);
        (await ConfirmAsync(payment)).ShouldBeTrue();
        (await ConfirmAsync(payment)).ShouldBeFalse("the first confirmation counts, once");

        await using var check = NewContext();
        var undone = await LoadAsync(check, id);
        undone.Status.ShouldBe(CancellationStatus.Undone);
        undone.Order.IsCanceled.ShouldBeFalse();
        undone.Repayments.ShouldHaveSingleItem().Status.ShouldBe(RepaymentStatus.Received);
        (await EmailsAsync(check)).ShouldContain(e => e.Subject == $"Order {number} is active again");
    }

    [Fact]
    public async Task ASentBankTransferWaitsForTheIncomingTransferAndAPartLeavesTheRestDue()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer), transferReference: "OUT-1");
        (await UndoAsync(id)).Error.ShouldBeNull();

        (await RepayAsync(id, 15m, "IN-1")).Error.ShouldBeNull();
        await using (var db = NewContext())
        {
            var request = await LoadAsync(db, id);
            request.Status.ShouldBe(CancellationStatus.AwaitingRepayment);
            request.RepaymentDue.ShouldBe(new Money(25m, "EUR"));
        }

        (await RepayAsync(id, 25m, "IN-2")).Error.ShouldBeNull();

        await using var check = NewContext();
        var undone = await LoadAsync(check, id);
        undone.Status.ShouldBe(CancellationStatus.Undone);
        undone.Repayments.Select(r => r.Reference).ShouldBe(["IN-1", "IN-2"], ignoreOrder: true);
        undone.Order.IsCanceled.ShouldBeFalse();
        (await check.StockItems.SingleAsync()).OnHand.ShouldBe(5, "restocked to 6 by the cancellation, reserved again by the undo");
        var creditNote = await check.CreditNotes.SingleAsync();
        var reissued = await check.Invoices.SingleAsync(i => i.CreditNoteId != null);
        reissued.CreditNoteId.ShouldBe(creditNote.Id);
        reissued.Number.ShouldBe("INV-000001");
        reissued.Amount.ShouldBe(40m);
    }

    [Fact]
    public async Task AnOverpaymentIsRecordedAndCompletesTheUndo()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer), transferReference: "OUT-1");
        (await UndoAsync(id)).Error.ShouldBeNull();

        (await RepayAsync(id, 45m, "IN-1")).Error.ShouldBeNull();

        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Repayments.ShouldHaveSingleItem().Amount.ShouldBe(45m);
    }

    [Fact]
    public async Task StoreCreditStillOnTheBalanceIsTakenBackAndTheUndoCompletesAtOnce()
    {
        var id = await DecidedAsync(Refund(RefundMethod.StoreCredit));

        (await UndoAsync(id)).Error.ShouldBeNull();

        await using var check = NewContext();
        (await LoadAsync(check, id)).Status.ShouldBe(CancellationStatus.Undone);
        (await check.StoreCreditEntries.SumAsync(e => e.Amount)).ShouldBe(0m);
        (await check.StoreCreditEntries.CountAsync(e => e.Amount == -40m)).ShouldBe(1);
    }

    [Fact]
    public async Task SpentStoreCreditIsDueAsAShortfallAndCancelingTheUndoGivesBackWhatWasTaken()
    {
        var id = await DecidedAsync(Refund(RefundMethod.StoreCredit));
        await SpendStoreCreditAsync(30m);

        (await UndoAsync(id)).Error.ShouldBeNull();
        await using (var db = NewContext())
        {
            var request = await LoadAsync(db, id);
            request.Status.ShouldBe(CancellationStatus.AwaitingRepayment);
            request.RepaymentDue.ShouldBe(new Money(30m, "EUR"));
            (await db.StoreCreditEntries.SumAsync(e => e.Amount)).ShouldBe(0m, "the 10 left was taken back");
        }

        (await CancelUndoAsync(id)).Error.ShouldBeNull();

        await using var check = NewContext();
        var canceled = await LoadAsync(check, id);
        canceled.Status.ShouldBe(CancellationStatus.Canceled);
        canceled.Order.IsCanceled.ShouldBeTrue();
        (await check.StoreCreditEntries.SumAsync(e => e.Amount)).ShouldBe(10m, "what the undo took back is the shopper's again");
    }

    [Fact]
    public async Task PointsStillOnTheBalanceAreTakenBack()
    {
        var id = await DecidedAsync(Refund(RefundMethod.Points));

        (await UndoAsync(id)).Error.ShouldBeNull();

        await using var check = NewContext();
        (await LoadAsync(check, id)).Status.ShouldBe(CancellationStatus.Undone);
        (await check.PointsEntries.SumAsync(e => e.Points)).ShouldBe(0L);
    }

    [Fact]
    public async Task AnUndoWithARepaymentReceivedCannotBeCanceled()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer), transferReference: "OUT-1");
        (await UndoAsync(id)).Error.ShouldBeNull();
        (await RepayAsync(id, 10m, "IN-1")).Error.ShouldBeNull();

        var refused = await CancelUndoAsync(id);

        refused.Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
        refused.Error.Message.ShouldContain("already repaid EUR 10.00");
    }

    [Fact]
    public async Task TooLittleStockIsRefusedNamingTheSkuUnlessStaffChooseABackorder()
    {
        var id = await DecidedAsync(Refund(RefundMethod.StoreCredit));
        await using (var db = NewContext())
        {
            await db.StockItems.ExecuteDeleteAsync();
            db.StockItems.Add(new StockItem("SKU-0001", "Walnut desk lamp", 0));
            await db.SaveChangesAsync();
        }

        var refused = await UndoAsync(id);
        var backordered = await UndoAsync(id, backorder: true);

        refused.Error!.Message.ShouldContain("SKU-0001 (Walnut desk lamp) needs 1, 0 on hand: 1 short");
        backordered.Error.ShouldBeNull();
        await using var check = NewContext();
        var request = await LoadAsync(check, id);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Backordered.ShouldBeTrue();
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.StockReReserved && a.Note!.Contains("SKU-0001 × 1"));
    }

    [Fact]
    public async Task ARequestThatIsNotUndoableIsRefusedWithItsStatus()
    {
        var order = TestOrders.Paid(customerId: Shopper.Id);
        Guid id;
        await using (var db = NewContext())
        {
            var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
            db.CancellationRequests.Add(request);
            await db.SaveChangesAsync();
            id = request.Id;
        }

        var refused = await UndoAsync(id);

        refused.Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
        refused.Error.Message.ShouldBe("A request with status “Cancellation requested” cannot be undone.");
    }

    [Fact]
    public async Task OfTwoUndosAtOnceOneWinsAndTheOtherIsToldWho()
    {
        var id = await DecidedAsync(Refund(RefundMethod.StoreCredit));
        var version = await VersionAsync(id);

        var first = await UndoAsync(id, version: version, staff: Staff);
        var second = await UndoAsync(id, version: version, staff: Other);

        first.Error.ShouldBeNull();
        second.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        second.Error.Message.ShouldContain("changed by Sue Support");
        await using var check = NewContext();
        (await check.StoreCreditEntries.CountAsync(e => e.Amount < 0m)).ShouldBe(1, "the credit is taken back once");
    }

    [Fact]
    public async Task AnUndoRacingARefundSettlementLosesAndSeesWhatChanged()
    {
        var id = await DecidedAsync(Refund(RefundMethod.OriginalPayment), settle: GatewayRefundResult.Pending("re_racing"));
        var version = await VersionAsync(id);
        await using (var db = NewContext())
        {
            var request = await LoadAsync(db, id);
            request.SettleRefund(request.Refunds[0].Id, GatewayRefundResult.Success("re_racing"), Actor.System, Clock.GetUtcNow());
            (await ServiceOn(db).SaveAsync(request, default)).IsSuccess.ShouldBeTrue();
        }

        var late = await UndoAsync(id, version: version);

        late.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        late.Error.Message.ShouldContain("changed by System");
        _gateway.Cancels.ShouldBeEmpty("nothing is sent to the provider on a stale page");
    }

    [Fact]
    public async Task AnOverdueRepaymentRemindsTheShopperOnceUntilAsManyDaysPassAgain()
    {
        var id = await DecidedAsync(Refund(RefundMethod.BankTransfer), transferReference: "OUT-1");
        (await UndoAsync(id)).Error.ShouldBeNull();

        var early = await RemindAsync();
        Clock.Advance(TimeSpan.FromDays(8));
        var overdue = await RemindAsync();
        var again = await RemindAsync();
        Clock.Advance(TimeSpan.FromDays(8));
        var later = await RemindAsync();

        (early, overdue, again, later).ShouldBe((0, 1, 0, 1));
        await using var check = NewContext();
        var number = (await LoadAsync(check, id)).Order.Number;
        (await EmailsAsync(check)).Count(e => e.Subject == $"Reminder: EUR 40.00 to pay to keep order {number}").ShouldBe(2);
    }

    private async Task<int> RemindAsync()
    {
        await using var db = NewContext();
        var confirmation = new RepaymentConfirmation(
            db, ServiceOn(db), _gateway, Clock, Microsoft.Extensions.Options.Options.Create(new Domain.Refunds.Stripe.StripeOptions()), NullLogger<RepaymentConfirmation>.Instance);
        return await confirmation.RemindOverdueAsync(20, default);
    }

    private static DecisionInput Refund(RefundMethod method) =>
        new(DecisionReason.CustomerRequest, null, method, 40m, null, RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);

    /// <summary>
    /// A 40 EUR card order with its invoice and 5 of its item on the shelf, accepted and decided. A card refund is
    /// settled as told; a bank transfer is recorded as made when given its reference.
    /// </summary>
    private async Task<Guid> DecidedAsync(DecisionInput decision, GatewayRefundResult? settle = null, string? transferReference = null)
    {
        var order = TestOrders.Paid(customerId: Shopper.Id);
        Guid id;
        await using (var db = NewContext())
        {
            db.Orders.Add(order);
            db.Invoices.Add(Invoice.Issue($"ORIG-{order.Number}", order.Id, order.Total, order.Currency, order.PlacedAt));
            db.StockItems.Add(new StockItem("SKU-0001", "Walnut desk lamp", 5));
            var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
            request.Accept(Staff, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
            db.CancellationRequests.Add(request);
            await db.SaveChangesAsync();
            id = request.Id;
        }

        await using (var db = NewContext())
        {
            var services = DomainServices.On(db, Clock);
            var request = (await services.GetRequiredService<CancellationService>().LoadAsync(id, default))!;
            var refund = request.Decide(decision, TestRefundRules.All, Staff, Clock.GetUtcNow()).Value;
            if (settle is not null)
            {
                request.SettleRefund(refund!.Id, settle, Staff, Clock.GetUtcNow());
            }

            if (transferReference is not null)
            {
                request.RecordBankTransfer(refund!.Id, transferReference, Staff, Clock.GetUtcNow()).Error.ShouldBeNull();
            }

            await services.GetRequiredService<UnitOfWork>().SaveAsync(default);
        }

        return id;
    }

    private async Task<Result<CancellationRequest>> UndoAsync(Guid id, bool backorder = false, long? version = null, Actor? staff = null)
    {
        var expected = version ?? await VersionAsync(id);
        await using var db = NewContext();
        var handler = new UndoCancellationHandler(ServiceOn(db), new UndoContextSource(db), _gateway, Clock);
        return await handler.Handle(new UndoCancellation(id, expected, "The shopper wants it after all.", backorder, staff ?? Staff), default);
    }

    private async Task<Result<CancellationRequest>> RepayAsync(Guid id, decimal amount, string reference)
    {
        var version = await VersionAsync(id);
        await using var db = NewContext();
        return await new RecordRepaymentHandler(ServiceOn(db)).Handle(new RecordRepayment(id, version, amount, reference, Staff), default);
    }

    private async Task<Result<CancellationRequest>> CancelUndoAsync(Guid id)
    {
        var version = await VersionAsync(id);
        await using var db = NewContext();
        return await new CancelUndoHandler(ServiceOn(db)).Handle(new CancelUndo(id, version, Staff), default);
    }

    private async Task<Result<RepaymentPayment>> PayAsync(string number)
    {
        await using var db = NewContext();
        var handler = new PayRepaymentHandler(db, ServiceOn(db), _gateway, Clock);
        return await handler.Handle(new PayRepayment(number, Shopper, new Uri($"https://portal.example/Account/Orders/{number}")), default);
    }

    private async Task<bool> ConfirmAsync(RepaymentPayment payment)
    {
        await using var db = NewContext();
        var confirmation = new RepaymentConfirmation(
            db, ServiceOn(db), _gateway, Clock, Microsoft.Extensions.Options.Options.Create(new Domain.Refunds.Stripe.StripeOptions()), NullLogger<RepaymentConfirmation>.Instance);
        return await confirmation.ConfirmAsync(payment.RequestId, payment.RepaymentId, default);
    }

    private async Task SpendStoreCreditAsync(decimal amount)
    {
        await using var db = NewContext();
        db.StoreCreditEntries.Add(new StoreCreditEntry(Shopper.Id, -amount, "EUR", "Spent on another order", null, Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private async Task<long> VersionAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.CancellationRequests.Where(r => r.Id == id).Select(r => r.Version).SingleAsync();
    }

    private static async Task<CancellationRequest> LoadAsync(AppDbContext db, Guid id)
    {
        await db.Refunds.Where(r => r.RequestId == id).LoadAsync();
        return await db.CancellationRequests
            .Include(r => r.Order).ThenInclude(o => o.Lines)
            .Include(r => r.AuditEntries)
            .Include(r => r.Repayments)
            .AsSplitQuery()
            .SingleAsync(r => r.Id == id);
    }

    private static async Task<List<EmailMessage>> EmailsAsync(AppDbContext db) =>
        [.. (await db.Outbox.Select(m => m.Payload).ToListAsync()).Select(EmailMessage.FromJson)];
}

public sealed class UndoingACancellationOnSqlite() : UndoingACancellation(Provider.Sqlite);

public sealed class UndoingACancellationOnPostgres() : UndoingACancellation(Provider.Postgres);

/// <summary>A payment provider the test tells how to answer a refund cancel, and whose payments it marks paid.</summary>
internal sealed class ScriptedGateway : IPaymentGateway
{
    private readonly Dictionary<string, (Money Amount, bool Paid)> _payments = [];

    public GatewayRefundCancel NextCancel { get; set; } = GatewayRefundCancel.Done;

    public List<GatewayRefundCancelRequest> Cancels { get; } = [];

    public bool IsAvailable => true;

    public string DisplayName => "Scripted gateway";

    public void MarkPaid(string reference) => _payments[reference] = _payments[reference] with { Paid = true };

    public Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(GatewayRefundResult.Success("re_scripted"));

    public Task<GatewayRefundResult?> FindRefundAsync(GatewayRefundLookup lookup, CancellationToken cancellationToken) =>
        Task.FromResult<GatewayRefundResult?>(null);

    public Task<GatewayRefundCancel> CancelRefundAsync(GatewayRefundCancelRequest request, CancellationToken cancellationToken)
    {
        Cancels.Add(request);
        return Task.FromResult(NextCancel);
    }

    public Task<GatewayPaymentStart> StartPaymentAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        var reference = $"cs_scripted_{request.IdempotencyKey:N}";
        _payments.TryAdd(reference, (request.Amount, false));
        return Task.FromResult(new GatewayPaymentStart(reference, new Uri($"https://pay.example/{reference}")));
    }

    public Task<Money?> FindPaymentAsync(string paymentReference, CancellationToken cancellationToken) =>
        Task.FromResult(_payments.TryGetValue(paymentReference, out var payment) && payment.Paid ? payment.Amount : (Money?)null);
}
