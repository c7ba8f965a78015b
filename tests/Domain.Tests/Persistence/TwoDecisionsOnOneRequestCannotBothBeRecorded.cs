using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Recording a decision changes only a part the request owns, yet it moves the request's version like every
/// other change of the aggregate; so of two staff who decide at once on one copy each, the second save is
/// an optimistic-concurrency conflict and the page answers with who changed the request.
/// </summary>
public abstract class TwoDecisionsOnOneRequestCannotBothBeRecorded(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");
    private static readonly Actor Sue = Actor.Staff("staff-1", "Sue Support");
    private static readonly Actor Max = Actor.Staff("staff-2", "Max Manager");

    [Fact]
    public async Task RecordingADecisionMovesTheVersionSoTheSecondSaveIsAConcurrencyConflict()
    {
        var requestId = await AcceptedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == requestId);
        var theirs = await second.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == requestId);
        var loaded = theirs.Version;

        mine.Decide(Decision(40m), Sue, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Decide(Decision(30m), Max, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Version.ShouldBe(loaded + 1, "the decision itself moves the version, before any save");
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = NewContext();
        var stored = await check.CancellationRequests.SingleAsync(r => r.Id == requestId);
        stored.Decision!.RefundAmount.ShouldBe(40m);
        stored.Version.ShouldBe(loaded + 1);
        (await check.AuditEntries.CountAsync(a => a.RequestId == requestId && a.Kind == AuditKind.DecisionRecorded)).ShouldBe(1);
    }

    [Fact]
    public async Task TheStaffMemberWhoSavesSecondIsToldWhoChangedTheRequest()
    {
        var requestId = await AcceptedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = (await ServiceOn(first).LoadAsync(requestId, default))!;
        var theirs = (await ServiceOn(second).LoadAsync(requestId, default))!;

        mine.Decide(Decision(40m), Sue, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Decide(Decision(30m), Max, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        (await ServiceOn(first).SaveAsync(mine, default)).IsSuccess.ShouldBeTrue();
        var lost = await ServiceOn(second).SaveAsync(theirs, default);

        lost.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldStartWith("This request was changed by Sue Support at ");
    }

    private static CancellationDecision Decision(decimal amount) =>
        new(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, amount, amount < 40m ? "Return shipping" : null, RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);

    private async Task<Guid> AcceptedAsync()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using var db = NewContext();
        var requested = await ServiceOn(db).RequestAsync(Shopper.Id, order.Id, ShopperReason.ChangedMind, null, Shopper);
        (await ServiceOn(db).AcceptAsync(requested.Value!.Id, 0, Sue)).IsSuccess.ShouldBeTrue();
        return requested.Value.Id;
    }
}

public sealed class TwoDecisionsOnOneRequestCannotBothBeRecordedOnSqlite() : TwoDecisionsOnOneRequestCannotBothBeRecorded(Provider.Sqlite);

public sealed class TwoDecisionsOnOneRequestCannotBothBeRecordedOnPostgres() : TwoDecisionsOnOneRequestCannotBothBeRecorded(Provider.Postgres);
