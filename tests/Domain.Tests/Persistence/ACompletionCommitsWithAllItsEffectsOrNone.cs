using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
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

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// When the last refund settles, the request cancels itself and raises its events; their handlers (restock, ledger,
/// credit note, fee invoice, the shopper's email) run before the commit, so the state and every effect are saved
/// in one transaction — or, when the save loses a race, none of them.
/// </summary>
public abstract class ACompletionCommitsWithAllItsEffectsOrNone(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");

    [Fact]
    public async Task TheLastRefundBringsTheRestockTheLedgerTheInvoicesAndTheEmailInOneSave()
    {
        var (requestId, order) = await AcceptedWithInvoiceAndStockAsync();

        await using (var db = NewContext())
        {
            var services = DomainServices.On(db, Clock);
            var request = (await services.GetRequiredService<CancellationService>().LoadAsync(requestId, default))!;
            request.Decide(StoreCreditKeeping(10m), TestRefundRules.All, Staff, Clock.GetUtcNow()).Error.ShouldBeNull();
            await services.GetRequiredService<UnitOfWork>().SaveAsync(default);
        }

        await using var check = NewContext();
        (await check.CancellationRequests.SingleAsync(r => r.Id == requestId)).Status.ShouldBe(CancellationStatus.Canceled);
        (await check.Orders.SingleAsync(o => o.Id == order.Id)).IsCanceled.ShouldBeTrue();
        (await check.StockItems.SingleAsync(s => s.Sku == "SKU-0001")).OnHand.ShouldBe(6);
        (await check.StoreCreditEntries.SingleAsync()).Amount.ShouldBe(30m);
        (await check.CreditNotes.SingleAsync()).Number.ShouldBe("CN-000001");
        var fee = await check.CancellationFeeInvoices.SingleAsync();
        fee.Money.ShouldBe(new Money(10m, "EUR"));
        var email = EmailMessage.FromJson((await check.Outbox.SingleAsync()).Payload);
        email.Subject.ShouldBe($"Order {order.Number} is canceled");
        email.TextBody.ShouldContain(fee.Number, customMessage: "the email is written after the invoices it names");
        (await check.AuditEntries.Where(a => a.RequestId == requestId).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync())
            .ShouldBe([AuditKind.Requested, AuditKind.Accepted, AuditKind.DecisionRecorded, AuditKind.RefundIssued, AuditKind.Canceled, AuditKind.CreditNoteIssued, AuditKind.FeeInvoiceIssued]);
    }

    [Fact]
    public async Task ACompletionThatLosesARaceLeavesNoEffectBehind()
    {
        var (requestId, _) = await AcceptedWithInvoiceAndStockAsync();
        await using var late = NewContext();
        var lateServices = DomainServices.On(late, Clock);
        var stale = (await lateServices.GetRequiredService<CancellationService>().LoadAsync(requestId, default))!;
        await using (var first = NewContext())
        {
            var request = (await ServiceOn(first).LoadAsync(requestId, default))!;
            request.Note(Staff, Clock.GetUtcNow(), AuditKind.StaffNote, "Called the shopper.");
            (await ServiceOn(first).SaveAsync(request, default)).IsSuccess.ShouldBeTrue();
        }

        stale.Decide(StoreCreditKeeping(10m), TestRefundRules.All, Staff, Clock.GetUtcNow()).Error.ShouldBeNull();
        var lost = await lateServices.GetRequiredService<CancellationService>().SaveAsync(stale, default);

        lost.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        await using var check = NewContext();
        (await check.CancellationRequests.SingleAsync(r => r.Id == requestId)).Status.ShouldBe(CancellationStatus.InProgress);
        (await check.StockItems.SingleAsync(s => s.Sku == "SKU-0001")).OnHand.ShouldBe(5);
        (await check.StoreCreditEntries.CountAsync()).ShouldBe(0);
        (await check.Refunds.CountAsync()).ShouldBe(0);
        (await check.CreditNotes.CountAsync()).ShouldBe(0);
        (await check.CancellationFeeInvoices.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnAggregateWhoseEventsNobodyHandledIsNeverSaved()
    {
        var (requestId, _) = await AcceptedWithInvoiceAndStockAsync();
        await using var db = NewContext();
        var request = await db.CancellationRequests.Include(r => r.Order).ThenInclude(o => o.Lines).Include(r => r.Refunds).AsSplitQuery().SingleAsync(r => r.Id == requestId);
        request.Decide(StoreCreditKeeping(0m), TestRefundRules.All, Staff, Clock.GetUtcNow()).Error.ShouldBeNull();

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        refused.Message.ShouldContain("UnitOfWork");
        await using var check = NewContext();
        (await check.CancellationRequests.SingleAsync(r => r.Id == requestId)).Status.ShouldBe(CancellationStatus.InProgress);
    }

    /// <summary>Refund the 40 paid in store credit now, keeping <paramref name="kept"/> as a fee.</summary>
    private static DecisionInput StoreCreditKeeping(decimal kept) => new(
        DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, 40m - kept, kept > 0m ? "Engraving" : null, RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);

    /// <summary>A card order of 40 with its invoice, 5 of its item on the shelf, and an accepted request.</summary>
    private async Task<(Guid RequestId, Order Order)> AcceptedWithInvoiceAndStockAsync()
    {
        var shopper = Actor.Shopper("customer-1", "Shopper customer-1");
        var order = TestOrders.Paid(customerId: shopper.Id);
        await using var db = NewContext();
        db.Orders.Add(order);
        db.Invoices.Add(Invoice.Issue($"INV-{order.Number}", order.Id, order.Total, order.Currency, order.PlacedAt));
        db.StockItems.Add(new StockItem("SKU-0001", "Walnut desk lamp", 5));
        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, shopper, "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
        request.Accept(Staff, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        db.CancellationRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, order);
    }
}

public sealed class ACompletionCommitsWithAllItsEffectsOrNoneOnSqlite() : ACompletionCommitsWithAllItsEffectsOrNone(Provider.Sqlite);

public sealed class ACompletionCommitsWithAllItsEffectsOrNoneOnPostgres() : ACompletionCommitsWithAllItsEffectsOrNone(Provider.Postgres);
