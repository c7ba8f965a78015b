using System.Globalization;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>
/// The back-office on a throwaway database of one provider, with a fake clock and a fake card gateway,
/// and staff and shopper accounts. Shared by every test class of one provider's collection.
/// </summary>
public abstract class BackOfficeApp(Provider provider) : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026";
    public const string Support = "sue.support@test.example";
    public const string OtherSupport = "otto.support@test.example";
    public const string Manager = "max.manager@test.example";
    public const string Admin = "ada.admin@test.example";
    public const string Shopper = "sam.shopper@test.example";

    private static int _orderNumber = 500000;
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-tests", $"mail-{Guid.NewGuid():N}");

    public Provider Provider { get; } = provider;
    public TestDatabase Database { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = TestClock.Create();
    public FakePaymentGateway Gateway { get; } = new();
    public string ShopperId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        using var scope = Services.CreateScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new IdentityRole(role));
        }

        await CreateUserAsync(scope.ServiceProvider, Support, "Sue Support", Roles.Support);
        await CreateUserAsync(scope.ServiceProvider, OtherSupport, "Otto Support", Roles.Support);
        await CreateUserAsync(scope.ServiceProvider, Manager, "Max Manager", Roles.Manager);
        await CreateUserAsync(scope.ServiceProvider, Admin, "Ada Admin", Roles.Admin);
        ShopperId = (await CreateUserAsync(scope.ServiceProvider, Shopper, "Sam Shopper", Roles.Customer)).Id;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Email:PickupFolder", _mailFolder);
        builder.UseSetting("Email:SendGrid:WebhookVerificationKey", SendGridSigning.VerificationKey);

        // The tests decide every card outcome; reconciliation would ask the fake gateway again.
        builder.UseSetting("Stripe:Reconciliation:Enabled", "false");

        // Webhook tests send by hand, to a receiver of their own.
        builder.UseSetting("Webhooks:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IPaymentGateway>(Gateway);
        });
    }

    /// <summary>A client signed in through the real sign-in form.</summary>
    public Task<HttpClient> SignInAsync(string email) => SignInAsync(this, email);

    /// <summary>A client of another host of this back-office (one configured differently) signed in through the real sign-in form.</summary>
    public static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host, string email)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await client.GetPageAsync("/Account/Login");
        var response = await client.SubmitAsync(page.Form(), new() { ["Input.Email"] = email, ["Input.Password"] = Password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, $"{email} could not sign in");
        return client;
    }

    /// <summary>A client holding a genuine sign-in cookie for an account that the sign-in page would refuse (a shopper).</summary>
    public async Task<HttpClient> ClientWithCookieForAsync(string email)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var principal = await factory.CreateAsync((await users.FindByEmailAsync(email))!);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var ticket = new AuthenticationTicket(principal, IdentityConstants.ApplicationScheme);
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    public AppDbContext CreateContext() => Database.CreateContext();

    public static string NextOrderNumber() =>
        Interlocked.Increment(ref _orderNumber).ToString(CultureInfo.InvariantCulture);

    /// <summary>A paid order with stock, an invoice and optionally an open shopper request.</summary>
    public async Task<Seeded> SeedAsync(
        PaymentMethod method = PaymentMethod.BankDeposit,
        bool withRequest = true,
        FulfillmentStatus fulfillment = FulfillmentStatus.Unfulfilled,
        SupplierOrderStatus supplier = SupplierOrderStatus.None,
        string currency = "EUR",
        DateTimeOffset? requestedAt = null,
        string? trackingNumber = null,
        string email = Shopper,
        string? paymentReference = null,
        decimal paid = 65m,
        string name = "Sam Shopper")
    {
        await using var db = CreateContext();
        var number = NextOrderNumber();
        var sku = $"SKU-{number}";
        db.StockItems.Add(new StockItem(sku, "Teapot", 10));
        var order = Order.Place(number, ShopperId, email, name, currency, [new OrderLine(sku, "Teapot", 2, 30m)], 5m, 0m, method, paid, Clock.GetUtcNow().AddDays(-3),
            method == PaymentMethod.Card ? paymentReference ?? $"pi_{number}" : null);
        order.UpdateFulfillment(fulfillment, trackingNumber is null ? null : "DHL", trackingNumber);
        if (supplier != SupplierOrderStatus.None)
        {
            order.UpdateSupplier(supplier, "Dropship Ltd");
        }

        db.Orders.Add(order);
        db.Invoices.Add(Invoice.Issue($"INV-{number}", order.Id, order.Total, order.Currency, order.PlacedAt));
        Guid? requestId = null;
        if (withRequest)
        {
            var answer = CancellationPolicy.Evaluate(order, hasOpenRequest: false);
            var request = CancellationRequest.Submit(order, answer, Actor.Shopper(ShopperId, "Sam Shopper"), "portal", ShopperReason.ChangedMind, "Please cancel", requestedAt ?? Clock.GetUtcNow().AddHours(-2)).Value!;
            db.CancellationRequests.Add(request);
            requestId = request.Id;
        }

        await db.SaveChangesAsync();
        return new Seeded(order.Id, number, sku, requestId ?? Guid.Empty);
    }

    public async Task<CancellationRequest> RequestAsync(Guid id)
    {
        await using var db = CreateContext();
        return await db.CancellationRequests.AsNoTracking().Include(r => r.Order).Include(r => r.AuditEntries).SingleAsync(r => r.Id == id);
    }

    /// <summary>Moves a request straight through the domain, for states the pages cannot reach yet (an undo awaiting repayment).</summary>
    /// <summary>Changes a request through its own methods and commits it as the app does, its events handled.</summary>
    public async Task ChangeRequestAsync(Guid id, Action<CancellationRequest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using var scope = Services.CreateAsyncScope();
        var request = (await scope.ServiceProvider.GetRequiredService<CancellationService>().LoadAsync(id, CancellationToken.None))!;
        change(request);
        await scope.ServiceProvider.GetRequiredService<UnitOfWork>().SaveAsync(CancellationToken.None);
    }

    /// <summary>A store that allows every refund method, for steps a test drives on the request itself.</summary>
    public static RefundRules AllRefundMethods { get; } = new(CardAvailable: true, "Test gateway", "EUR", PointsPerCurrencyUnit: 100);

    /// <summary>An undo decided when the shopper has spent every store credit and point the cancellation gave back.</summary>
    public static UndoContext SpentEverything { get; } = new(0m, 0, 100, new Dictionary<string, int>(), CreditNoteToAnswer: null);

    /// <summary>A decision to refund everything now by one method, without restocking or emailing.</summary>
    public static DecisionInput RefundInFull(RefundMethod method) =>
        new(DecisionReason.CustomerRequest, null, method, null, null, RefundNow: true, Restock: false, NotifyShopper: false, StaffNote: null);

    public async Task<List<Refund>> RefundsAsync(Guid requestId)
    {
        await using var db = CreateContext();
        return await db.Refunds.AsNoTracking().Where(r => r.RequestId == requestId).ToListAsync();
    }

    /// <summary>Delivers the outbox now, as the dispatcher would, and reads the emails about an order from the pickup folder.</summary>
    public async Task<List<EmlFile>> DeliveredMailAsync(string orderNumber)
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            // Batch after batch: other tests leave emails in the shared database, and this order's may come after them.
            var outbox = scope.ServiceProvider.GetRequiredService<Domain.Notifications.OutboxProcessor>();
            var batches = 0;
            int attempted;
            do
            {
                attempted = await outbox.DeliverDueAsync(CancellationToken.None);
            }
            while (attempted > 0 && ++batches < 100);
        }

        return Directory.Exists(_mailFolder)
            ? [.. Directory.GetFiles(_mailFolder, "*.eml").Select(EmlFile.Read).Where(m => m.Subject.Contains(orderNumber, StringComparison.Ordinal))]
            : [];
    }

    public async Task<List<Domain.Notifications.EmailMessage>> MailsAsync(string orderNumber)
    {
        await using var db = CreateContext();
        var payloads = await db.Outbox.AsNoTracking().Where(m => m.Topic == orderNumber).Select(m => m.Payload).ToListAsync();
        return [.. payloads.Select(Domain.Notifications.EmailMessage.FromJson)];
    }

    public async Task<List<string>> MailSubjectsAsync(string orderNumber)
    {
        return [.. (await MailsAsync(orderNumber)).Select(m => $"{m.To}: {m.Subject}")];
    }

    private static async Task<ApplicationUser> CreateUserAsync(IServiceProvider services, string email, string name, string role)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        return user;
    }
}

public sealed record Seeded(Guid OrderId, string Number, string Sku, Guid RequestId)
{
    public string Url => $"/Requests/{RequestId}";
}

public sealed class SqliteBackOffice() : BackOfficeApp(Provider.Sqlite);

public sealed class PostgresBackOffice() : BackOfficeApp(Provider.Postgres);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteBackOffice>
{
    public const string Name = "back-office on SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresBackOffice>
{
    public const string Name = "back-office on PostgreSQL";
}
