using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Two cancellations of different orders, each keeping a fee, numbering their credit notes and fee invoices at
/// the same moment: the one that saves second took numbers already given. It is told plainly to try again — not
/// that a colleague changed its request — keeps nothing, and the retry gets the next numbers, so no number is
/// given twice and none is skipped.
/// </summary>
public abstract class CancellationsNumberingTheirDocumentsAtTheSameMoment(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");

    [Fact]
    public async Task TheLoserIsAskedToTryAgainAndTheRetryTakesTheNextNumbers()
    {
        var first = await DecidedWithAFeeAsync("customer-1");
        var second = await DecidedWithAFeeAsync("customer-2");

        await using var loser = NewContext();
        var late = (await ServiceOn(loser).LoadAsync(second, CancellationToken.None))!;
        RefundTheRest(late);
        // The loser read the counters before the winner saved: its numbers are the ones the winner is about to take.
        await loser.DocumentSequences.ToListAsync();
        await using (var winner = NewContext())
        {
            await CompleteAndSaveAsync(winner, first);
        }

        var lost = await ServiceOn(loser).SaveAsync(late, CancellationToken.None);

        lost.Error.ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldStartWith("Another cancellation was saved at the same moment");
        await using (var check = NewContext())
        {
            (await check.CancellationRequests.SingleAsync(r => r.Id == second)).Status.ShouldBe(CancellationStatus.InProgress);
            (await check.CancellationFeeInvoices.CountAsync(f => f.RequestId == second)).ShouldBe(0);
        }

        await using (var retry = NewContext())
        {
            await CompleteAndSaveAsync(retry, second);
        }

        await using var db = NewContext();
        (await db.CreditNotes.OrderBy(c => c.Number).Select(c => c.Number).ToListAsync()).ShouldBe(["CN-000001", "CN-000002"]);
        (await db.CancellationFeeInvoices.OrderBy(f => f.Number).Select(f => f.Number).ToListAsync()).ShouldBe(["FEE-000001", "FEE-000002"]);
        (await db.CancellationFeeInvoices.SingleAsync(f => f.RequestId == second)).Number.ShouldBe("FEE-000002");
    }

    /// <summary>A paid order with its invoice and a request decided to refund 30 of 40, keeping 10 as a fee.</summary>
    private async Task<Guid> DecidedWithAFeeAsync(string customerId)
    {
        var order = TestOrders.Paid(PaymentMethod.BankDeposit, customerId: customerId);
        await using var db = NewContext();
        db.Orders.Add(order);
        db.Invoices.Add(Invoice.Issue($"INV-{order.Number}", order.Id, order.Total, order.Currency, order.PlacedAt));
        var request = CancellationRequest.Submit(
            order, CancellationPolicy.Evaluate(order, hasOpenRequest: false), Actor.Shopper(customerId, "Shopper"), "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
        request.Accept(Staff, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        request.Decide(
            new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, 30m, "Restocking fee", RefundNow: false, Restock: false, NotifyShopper: false, StaffNote: null),
            TestRefundRules.All,
            Staff,
            Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        db.CancellationRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    private async Task CompleteAndSaveAsync(AppDbContext db, Guid requestId)
    {
        var request = (await ServiceOn(db).LoadAsync(requestId, CancellationToken.None))!;
        RefundTheRest(request);
        (await ServiceOn(db).SaveAsync(request, CancellationToken.None)).IsSuccess.ShouldBeTrue();
    }

    /// <summary>The decided store credit goes out, which settles at once: the request completes and invoices on save.</summary>
    private void RefundTheRest(CancellationRequest request)
    {
        request.IssueRefund(RefundMethod.StoreCredit, 30m, TestRefundRules.All, Staff, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        request.Status.ShouldBe(CancellationStatus.Canceled);
    }
}

public sealed class CancellationsNumberingTheirDocumentsAtTheSameMomentOnSqlite() : CancellationsNumberingTheirDocumentsAtTheSameMoment(Provider.Sqlite);

public sealed class CancellationsNumberingTheirDocumentsAtTheSameMomentOnPostgres() : CancellationsNumberingTheirDocumentsAtTheSameMoment(Provider.Postgres);
