using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Steps of a request are numbered as they are written, so steps written in one instant (a refund that settles the
/// request, the cancellation, its credit note) read back in the order they happened, across saves too.
/// </summary>
public abstract class AuditStepsKeepTheOrderTheyHappenedIn(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");

    [Fact]
    public async Task StepsWrittenAtTheSameInstantKeepTheirOrder()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        var now = Clock.GetUtcNow();
        Guid requestId;
        await using (var db = NewContext())
        {
            requestId = (await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper)).Value!.Id;
        }

        await using (var db = NewContext())
        {
            var service = ServiceOn(db);
            var request = (await service.LoadAsync(requestId, CancellationToken.None))!;
            request.Accept(Staff, now).IsSuccess.ShouldBeTrue();
            // Store credit settles at once: the decision issues it and the request completes itself.
            request.Decide(new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, 40m, null, true, true, true, null), TestRefundRules.All, Staff, now).IsSuccess.ShouldBeTrue();
            request.Note(Staff, now, AuditKind.CreditNoteIssued, "CN-1 reverses invoice INV-1");
            (await service.SaveAsync(request, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        }

        await using var check = NewContext();
        var kinds = await check.AuditEntries.Where(a => a.RequestId == requestId).OrderBy(a => a.Sequence).Select(a => a.Kind).ToListAsync();
        kinds.ShouldBe([AuditKind.Requested, AuditKind.Accepted, AuditKind.DecisionRecorded, AuditKind.RefundIssued, AuditKind.Canceled, AuditKind.CreditNoteIssued]);
        (await check.AuditEntries.Where(a => a.RequestId == requestId).Select(a => a.Sequence).ToListAsync()).Order().ShouldBe([1L, 2L, 3L, 4L, 5L, 6L]);
    }

    [Fact]
    public async Task TwoWritersCannotBothNumberTheNextStep()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        Guid requestId;
        await using (var db = NewContext())
        {
            requestId = (await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper)).Value!.Id;
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var one = (await ServiceOn(first).LoadAsync(requestId, CancellationToken.None))!;
        var other = (await ServiceOn(second).LoadAsync(requestId, CancellationToken.None))!;
        one.Note(Staff, Clock.GetUtcNow(), AuditKind.StaffNote, "Called the shopper");
        other.Note(Staff, Clock.GetUtcNow(), AuditKind.StaffNote, "Emailed the shopper");

        (await ServiceOn(first).SaveAsync(one, CancellationToken.None)).IsSuccess.ShouldBeTrue();
        (await ServiceOn(second).SaveAsync(other, CancellationToken.None)).Error!.Kind.ShouldBe(ErrorKind.Conflict);

        await using var check = NewContext();
        (await check.AuditEntries.Where(a => a.RequestId == requestId).OrderBy(a => a.Sequence).Select(a => a.Note).ToListAsync())
            .ShouldBe([null, "Called the shopper"]);
    }
}

public sealed class AuditStepsKeepTheOrderTheyHappenedInOnSqlite() : AuditStepsKeepTheOrderTheyHappenedIn(Provider.Sqlite);

public sealed class AuditStepsKeepTheOrderTheyHappenedInOnPostgres() : AuditStepsKeepTheOrderTheyHappenedIn(Provider.Postgres);
