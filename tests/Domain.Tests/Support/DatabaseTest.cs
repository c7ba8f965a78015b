using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.Domain.Tests.Support;

/// <summary>A fresh migrated database per test, on the provider the subclass names.</summary>
public abstract class DatabaseTest(Provider provider) : IAsyncLifetime
{
    protected Provider Provider { get; } = provider;

    protected TestDatabase Database { get; private set; } = null!;

    protected FakeTimeProvider Clock { get; } = TestClock.Create();

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await Database.DisposeAsync();

    protected AppDbContext NewContext(params IInterceptor[] interceptors)
    {
        if (interceptors.Length == 0)
        {
            return Database.CreateContext();
        }

        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DomainServiceCollectionExtensions.ConfigureDatabase(builder, Database.Options);
        builder.AddInterceptors(interceptors);
        return new AppDbContext(builder.Options);
    }

    protected CancellationService ServiceOn(AppDbContext db) => DomainServices.On(db, Clock).GetRequiredService<CancellationService>();

    /// <summary>A shopper's request straight through its handler, as the mediator runs it once the input is valid.</summary>
    protected async Task<Result<CancellationRequest>> RequestOn(AppDbContext db, Guid orderId, ShopperReason reason, string? comment, Actor shopper) =>
        await new RequestCancellationHandler(db, ServiceOn(db)).Handle(new RequestCancellation(orderId, reason.ToString(), comment, shopper), CancellationToken.None);

    protected async Task<Result<CancellationRequest>> AcceptOn(AppDbContext db, Guid requestId, long expectedVersion, Actor staff) =>
        await new AcceptCancellationRequestHandler(db, ServiceOn(db)).Handle(new AcceptCancellationRequest(requestId, expectedVersion, staff), CancellationToken.None);

    protected async Task<Result<CancellationRequest>> RejectOn(AppDbContext db, Guid requestId, long expectedVersion, string reason, Actor staff) =>
        await new RejectCancellationRequestHandler(db, ServiceOn(db)).Handle(new RejectCancellationRequest(requestId, expectedVersion, reason, staff), CancellationToken.None);

    protected async Task<Order> SaveAsync(Order order)
    {
        await using var db = NewContext();
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }
}
