using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Optimistic concurrency on the request and the order: the second writer with a stale copy loses. The version
/// moves with every change of the aggregate, so this holds even when both only added a part the request owns
/// (a decision, an audit step).
/// </summary>
public abstract class TwoWritersOnOneRowCannotBothWin(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");
    private static readonly Actor Sue = Actor.Staff("staff-1", "Sue Support");
    private static readonly Actor Max = Actor.Staff("staff-2", "Max Manager");

    [Fact]
    public async Task TheSecondSaveOfAStaleRequestThrows()
    {
        var requestId = await RequestedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.CancellationRequests.SingleAsync(r => r.Id == requestId);
        var theirs = await second.CancellationRequests.SingleAsync(r => r.Id == requestId);

        mine.Accept(Sue, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Reject(Max, "Already shipped.", Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = NewContext();
        var stored = await check.CancellationRequests.SingleAsync(r => r.Id == requestId);
        stored.Status.ShouldBe(CancellationStatus.InProgress);
        stored.Version.ShouldBe(1);
    }

    [Fact]
    public async Task TheSecondSaveOfAStaleOrderThrows()
    {
        var order = await SaveAsync(TestOrders.Paid());
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.Orders.SingleAsync(o => o.Id == order.Id);
        var theirs = await second.Orders.SingleAsync(o => o.Id == order.Id);

        mine.UpdateFulfillment(FulfillmentStatus.FulfillmentInProgress);
        theirs.MarkCanceled(Clock.GetUtcNow());
        await first.SaveChangesAsync();

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = NewContext();
        var stored = await check.Orders.SingleAsync(o => o.Id == order.Id);
        stored.IsCanceled.ShouldBeFalse();
        stored.FulfillmentStatus.ShouldBe(FulfillmentStatus.FulfillmentInProgress);
    }

    [Fact]
    public async Task TwoStaffAcceptingAtOnceGiveOneSuccessAndOneConflictNamingTheWinner()
    {
        var requestId = await RequestedAsync();
        await using var first = NewContext();
        await using var second = NewContext();

        var results = await Task.WhenAll(
            Task.Run(() => AcceptOn(first, requestId, 0, Sue)),
            Task.Run(() => AcceptOn(second, requestId, 0, Max)));

        results.Count(r => r.IsSuccess).ShouldBe(1);
        var winner = results.Single(r => r.IsSuccess).Value!.AssignedToName!;
        var loser = results.Single(r => !r.IsSuccess).Error!;
        loser.Kind.ShouldBe(ErrorKind.Conflict);
        loser.Message.ShouldContain($"changed by {winner}");
        await using var check = NewContext();
        (await check.AuditEntries.CountAsync(a => a.RequestId == requestId && a.ToStatus == CancellationStatus.InProgress)).ShouldBe(1);
        (await check.Outbox.CountAsync()).ShouldBe(2, "the request-received mail and one acceptance mail");
    }

    [Fact]
    public async Task AStaffMemberWhoLoadedBeforeAnotherAcceptedGetsAConflictNamingThem()
    {
        var requestId = await RequestedAsync();
        await using var first = NewContext();
        await using var second = NewContext();

        // Max opened the request before Sue accepted it; his copy still says version 0 when he presses Accept.
        (await ServiceOn(second).LoadAsync(requestId, default))!.Version.ShouldBe(0);
        Clock.Advance(TimeSpan.FromMinutes(3));
        (await AcceptOn(first, requestId, 0, Sue)).IsSuccess.ShouldBeTrue();
        var lost = await AcceptOn(second, requestId, 0, Max);

        lost.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldBe("This request was changed by Sue Support at 2026-11-02 09:03 UTC. Here is its current state.");
        await using var check = NewContext();
        (await check.CancellationRequests.SingleAsync(r => r.Id == requestId)).AssignedToName.ShouldBe("Sue Support");
    }

    [Fact]
    public async Task AcceptingWithAnOutdatedVersionIsAConflict()
    {
        var requestId = await RequestedAsync();
        await using (var db = NewContext())
        {
            (await AcceptOn(db, requestId, 0, Sue)).IsSuccess.ShouldBeTrue();
        }

        await using var again = NewContext();
        var result = await RejectOn(again, requestId, 0, "Too late.", Max);

        result.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        result.Error.Message.ShouldContain("Sue Support");
    }

    [Fact]
    public async Task TwoDecisionsAtOnceConflictBecauseRecordingADecisionMovesTheRequestsVersion()
    {
        var requestId = await AcceptedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = await first.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == requestId);
        var theirs = await second.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == requestId);
        var loaded = theirs.Version;

        mine.Decide(Decision(40m), TestRefundRules.All, Sue, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Decide(Decision(30m), TestRefundRules.All, Max, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
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
    public async Task OfTwoDecisionsAtOnceTheSecondIsToldWhoChangedTheRequest()
    {
        var requestId = await AcceptedAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var mine = (await ServiceOn(first).LoadAsync(requestId, default))!;
        var theirs = (await ServiceOn(second).LoadAsync(requestId, default))!;

        mine.Decide(Decision(40m), TestRefundRules.All, Sue, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        theirs.Decide(Decision(30m), TestRefundRules.All, Max, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        (await ServiceOn(first).SaveAsync(mine, default)).IsSuccess.ShouldBeTrue();
        var lost = await ServiceOn(second).SaveAsync(theirs, default);

        lost.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldStartWith("This request was changed by Sue Support at ");
    }

    /// <summary>A refund left for later: recording it changes the request alone, so the race is the decision's own.</summary>
    private static DecisionInput Decision(decimal amount) =>
        new(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, amount, amount < 40m ? "Return shipping" : null, RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: null);

    private async Task<Guid> AcceptedAsync()
    {
        var requestId = await RequestedAsync();
        await using var db = NewContext();
        (await AcceptOn(db, requestId, 0, Sue)).IsSuccess.ShouldBeTrue();
        return requestId;
    }

    private async Task<Guid> RequestedAsync()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using var db = NewContext();
        var result = await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper);
        return result.Value!.Id;
    }
}

public sealed class TwoWritersOnOneRowCannotBothWinOnSqlite() : TwoWritersOnOneRowCannotBothWin(Provider.Sqlite);

public sealed class TwoWritersOnOneRowCannotBothWinOnPostgres() : TwoWritersOnOneRowCannotBothWin(Provider.Postgres);
