using System.Data.Common;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>The request, its audit entry and the shopper's email are one unit: all of them or none.</summary>
public abstract class RequestingACancellationCommitsEverythingTogether(Provider provider) : DatabaseTest(provider)
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");

    [Fact]
    public async Task TheRequestItsAuditEntryAndTheEmailAreStoredTogether()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        await using (var db = NewContext())
        {
            var result = await RequestOn(db, order.Id, ShopperReason.OrderedByMistake, "Wrong size.", Shopper);
            result.IsSuccess.ShouldBeTrue();
        }

        await using var check = NewContext();
        var request = await check.CancellationRequests.Include(r => r.AuditEntries).SingleAsync();
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.Comment.ShouldBe("Wrong size.");
        var entry = request.AuditEntries.ShouldHaveSingleItem();
        entry.ActorName.ShouldBe(Shopper.Name);
        entry.At.ShouldBe(Clock.GetUtcNow());
        var message = await check.Outbox.SingleAsync();
        message.Topic.ShouldBe(order.Number);
        message.Status.ShouldBe(OutboxStatus.Pending);
        var email = EmailMessage.FromJson(message.Payload);
        email.To.ShouldBe(order.CustomerEmail);
        email.Subject.ShouldContain(order.Number);
    }

    [Fact]
    public async Task WhenTheSaveFailsNoneOfTheThreeIsLeft()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: Shopper.Id));
        var failing = new FailAfterWritingOutbox();
        await using (var db = NewContext(failing))
        {
            await Should.ThrowAsync<DbUpdateException>(() => RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper));
        }

        failing.Tripped.ShouldBeTrue("the outbox insert ran, so the rows before it were written in the transaction");
        await using var check = NewContext();
        (await check.CancellationRequests.CountAsync()).ShouldBe(0);
        (await check.AuditEntries.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AShopperAskingToCancelAnotherShoppersOrderIsToldItDoesNotExist()
    {
        var order = await SaveAsync(TestOrders.Paid(customerId: "customer-2"));
        await using var db = NewContext();

        var result = await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper);

        result.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var check = NewContext();
        (await check.CancellationRequests.CountAsync()).ShouldBe(0);
        (await check.Outbox.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AFreeOrderIsCanceledAtOnceAndTheShopperIsTold()
    {
        var order = await SaveAsync(TestOrders.Free(customerId: Shopper.Id));
        await using (var db = NewContext())
        {
            var result = await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper);
            result.IsSuccess.ShouldBeTrue();
        }

        await using var check = NewContext();
        var stored = await check.Orders.SingleAsync(o => o.Id == order.Id);
        stored.IsCanceled.ShouldBeTrue();
        stored.CanceledAt.ShouldBe(Clock.GetUtcNow());
        var request = await check.CancellationRequests.Include(r => r.AuditEntries).SingleAsync();
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.AuditEntries.Select(a => a.ToStatus).ShouldBe(
            [CancellationStatus.Requested, CancellationStatus.InProgress, CancellationStatus.Canceled], ignoreOrder: true);
        var email = EmailMessage.FromJson((await check.Outbox.SingleAsync()).Payload);
        email.Subject.ShouldBe($"Order {order.Number} is canceled");
    }

    [Fact]
    public async Task AnOrderPaidWithPointsIsCanceledAtOnceAndThePointsGoBack()
    {
        var order = await SaveAsync(TestOrders.Paid(PaymentMethod.Points, price: 30m, customerId: Shopper.Id, amountPaid: 0m, pointsRedeemed: 3000));
        await using (var db = NewContext())
        {
            (await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper)).IsSuccess.ShouldBeTrue();
        }

        await using var check = NewContext();
        (await check.CancellationRequests.SingleAsync()).Status.ShouldBe(CancellationStatus.Canceled);
        var points = await check.PointsEntries.SingleAsync();
        points.CustomerId.ShouldBe(Shopper.Id);
        points.Points.ShouldBe(3000);
    }

    [Fact]
    public async Task APaidOrderWaitsForStaff()
    {
        var order = await SaveAsync(TestOrders.Paid(PaymentMethod.Card, customerId: Shopper.Id));
        await using (var db = NewContext())
        {
            (await RequestOn(db, order.Id, ShopperReason.ChangedMind, null, Shopper)).IsSuccess.ShouldBeTrue();
        }

        await using var check = NewContext();
        (await check.Orders.SingleAsync(o => o.Id == order.Id)).IsCanceled.ShouldBeFalse();
        (await check.CancellationRequests.SingleAsync()).Status.ShouldBe(CancellationStatus.Requested);
    }

    /// <summary>Lets the outbox insert reach the database, then fails the command, as a dropped connection would.</summary>
    private sealed class FailAfterWritingOutbox : DbCommandInterceptor
    {
        public bool Tripped { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Trip(command);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Trip(DbCommand command)
        {
            if (command.CommandText.Contains("INSERT INTO \"OutboxMessages\"", StringComparison.Ordinal))
            {
                Tripped = true;
                throw new InvalidOperationException("The connection dropped.");
            }
        }
    }
}

public sealed class RequestingACancellationCommitsEverythingTogetherOnSqlite() : RequestingACancellationCommitsEverythingTogether(Provider.Sqlite);

public sealed class RequestingACancellationCommitsEverythingTogetherOnPostgres() : RequestingACancellationCommitsEverythingTogether(Provider.Postgres);
