using CancellationPortal.DemoData;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// The demo store must show every case a tester wants to click through (every fulfillment, payment and
/// supplier state, three currencies, free orders, requests in every status) and must be safe to run again.
/// </summary>
public sealed class TheDemoSeedCoversEveryCaseOnce(SeededDemoStore store) : IClassFixture<SeededDemoStore>
{
    private readonly TestDatabase _database = store.Database;

    [Fact]
    public async Task ThereAreAboutTwoHundredOrdersInEveryFulfillmentPaymentAndSupplierState()
    {
        await using var db = _database.CreateContext();
        var orders = await db.Orders.AsNoTracking().ToListAsync();

        orders.Count.ShouldBeInRange(180, 220);
        orders.Select(o => o.FulfillmentStatus).Distinct().ShouldBe(Enum.GetValues<FulfillmentStatus>(), ignoreOrder: true);
        orders.Select(o => o.PaymentMethod).Distinct().ShouldBe(Enum.GetValues<PaymentMethod>(), ignoreOrder: true);
        orders.Select(o => o.SupplierStatus).Distinct().ShouldBe(Enum.GetValues<SupplierOrderStatus>(), ignoreOrder: true);
    }

    [Fact]
    public async Task OrdersComeInEurosDollarsAndYenWithSomeFreeOnes()
    {
        await using var db = _database.CreateContext();
        var orders = await db.Orders.AsNoTracking().ToListAsync();

        orders.Select(o => o.Currency).Distinct().ShouldBe(["EUR", "USD", "JPY"], ignoreOrder: true);
        orders.Count(o => o.Total == 0m).ShouldBeGreaterThan(0);
        orders.ShouldAllBe(o => Money.FitsCurrency(o.Total, o.Currency) && Money.FitsCurrency(o.AmountPaid, o.Currency));
    }

    [Fact]
    public async Task ThereAreRequestsInEveryStatusConsistentWithTheirOrders()
    {
        await using var db = _database.CreateContext();
        var requests = await db.CancellationRequests.AsNoTracking().Include(r => r.Order).Include(r => r.AuditEntries).ToListAsync();

        requests.Select(r => r.Status).Distinct().ShouldBe(Enum.GetValues<CancellationStatus>(), ignoreOrder: true);
        requests.ShouldAllBe(r => r.AuditEntries.Count > 0);
        // An undo awaiting repayment leaves the order canceled until the money is back.
        requests.Where(r => r.Status is CancellationStatus.Canceled or CancellationStatus.AwaitingRepayment).ShouldAllBe(r => r.Order.IsCanceled);
        requests.Where(r => r.Status is not (CancellationStatus.Canceled or CancellationStatus.AwaitingRepayment)).ShouldAllBe(r => !r.Order.IsCanceled);
    }

    [Fact]
    public async Task TheFourDemoAccountsCanSignInWithTheirRoles()
    {
        await using var scope = store.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

        foreach (var (email, name, role) in DemoSeeder.DemoAccounts)
        {
            var user = (await users.FindByEmailAsync(email)).ShouldNotBeNull(email);
            user.DisplayName.ShouldBe(name);
            (await users.GetRolesAsync(user)).ShouldBe([role]);
            (await users.CheckPasswordAsync(user, DemoSeeder.DefaultPassword)).ShouldBeTrue();
        }

        DemoSeeder.DemoAccounts.Select(a => a.Role).ShouldBe([Roles.Customer, Roles.Support, Roles.Manager, Roles.Admin]);
        await using var db = _database.CreateContext();
        (await db.Orders.CountAsync(o => o.CustomerId == db.Users.Single(u => u.Email == "shopper@example.com").Id)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task SeedingAgainAddsNothing()
    {
        var before = await CountsAsync();

        (await store.SeedAsync()).ShouldBeFalse();

        (await CountsAsync()).ShouldBe(before);
    }

    private async Task<int[]> CountsAsync()
    {
        await using var db = _database.CreateContext();
        return
        [
            await db.Users.CountAsync(),
            await db.Roles.CountAsync(),
            await db.UserRoles.CountAsync(),
            await db.Orders.CountAsync(),
            await db.OrderLines.CountAsync(),
            await db.CancellationRequests.CountAsync(),
            await db.AuditEntries.CountAsync(),
            await db.Refunds.CountAsync(),
            await db.Invoices.CountAsync(),
            await db.StockItems.CountAsync(),
            await db.StoreCreditEntries.CountAsync(),
            await db.Outbox.CountAsync(),
        ];
    }
}

/// <summary>One seeded SQLite store shared by the seed tests: seeding hashes a dozen passwords, so it runs once.</summary>
public sealed class SeededDemoStore : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider.Sqlite);
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        services.AddCancellationDomain(configuration, "CancellationPortal.Tests");
        services.AddScoped(_ => Database.CreateContext());
        services.AddStoreIdentity();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddSingleton<IConfiguration>(configuration);
        services.AddScoped<DemoSeeder>();
        Services = services.BuildServiceProvider(validateScopes: true);
        (await SeedAsync()).ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }

    public async Task<bool> SeedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
    }
}
