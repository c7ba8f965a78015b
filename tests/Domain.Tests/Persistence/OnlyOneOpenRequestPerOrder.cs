using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>The database itself (a filtered unique index) allows one open request per order, whatever the code checks.</summary>
public abstract class OnlyOneOpenRequestPerOrder(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");

    [Fact]
    public async Task ASecondOpenRequestForTheSameOrderIsAUniqueViolation()
    {
        var order = await SaveAsync(TestOrders.Paid());
        await InsertRequestAsync(order.Id);

        var second = await Should.ThrowAsync<DbUpdateException>(() => InsertRequestAsync(order.Id));

        second.IsUniqueViolation().ShouldBeTrue();
        await using var db = NewContext();
        (await db.CancellationRequests.CountAsync(r => r.OrderId == order.Id)).ShouldBe(1);
    }

    [Theory]
    [InlineData(CancellationStatus.Withdrawn)]
    [InlineData(CancellationStatus.Rejected)]
    public async Task AClosedRequestLeavesRoomForANewOpenOne(CancellationStatus closedAs)
    {
        var order = await SaveAsync(TestOrders.Paid());
        await InsertRequestAsync(order.Id, closedAs);

        await InsertRequestAsync(order.Id);

        await using var db = NewContext();
        var statuses = await db.CancellationRequests.Where(r => r.OrderId == order.Id).Select(r => r.Status).ToListAsync();
        statuses.ShouldBe([closedAs, CancellationStatus.Requested], ignoreOrder: true);
    }

    [Fact]
    public async Task RequestsForDifferentOrdersDoNotCollide()
    {
        var first = await SaveAsync(TestOrders.Paid());
        var second = await SaveAsync(TestOrders.Paid());

        await InsertRequestAsync(first.Id);
        await InsertRequestAsync(second.Id);

        await using var db = NewContext();
        (await db.CancellationRequests.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task ARequestRacingAnotherForTheSameOrderIsToldItWasAlreadyRequested()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using var first = NewContext();
        await using var second = NewContext();

        // The second service checked the policy before the first committed: only the index can stop it.
        var stale = await second.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == order.Id);
        var won = await RequestOn(first, order.Id, ShopperReason.ChangedMind, null, Shopper);
        var racing = CancellationRequest.Submit(stale, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
        second.CancellationRequests.Add(racing);
        var lost = await ServiceOn(second).SaveAsync(racing, default);

        won.IsSuccess.ShouldBeTrue();
        lost.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        lost.Error.Message.ShouldBe("A cancellation has already been requested for this order.");
        await using var check = NewContext();
        (await check.CancellationRequests.CountAsync(r => r.OrderId == order.Id)).ShouldBe(1);
    }

    private async Task InsertRequestAsync(Guid orderId, CancellationStatus? closedAs = null)
    {
        await using var db = NewContext();
        var order = await db.Orders.SingleAsync(o => o.Id == orderId);
        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Clock.GetUtcNow()).Value!;
        if (closedAs == CancellationStatus.Withdrawn)
        {
            request.Withdraw(Shopper, Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        }
        else if (closedAs == CancellationStatus.Rejected)
        {
            request.Reject(Actor.Staff("staff-1", "Sue Support"), "Already shipped.", Clock.GetUtcNow()).IsSuccess.ShouldBeTrue();
        }

        db.CancellationRequests.Add(request);
        await db.SaveChangesAsync();
    }
}

public sealed class OnlyOneOpenRequestPerOrderOnSqlite() : OnlyOneOpenRequestPerOrder(Provider.Sqlite);

public sealed class OnlyOneOpenRequestPerOrderOnPostgres() : OnlyOneOpenRequestPerOrder(Provider.Postgres);
