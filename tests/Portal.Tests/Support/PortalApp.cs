using System.Net;
using CancellationPortal.DemoData;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Portal.Tests.Support;

/// <summary>
/// The Portal running in memory on a throwaway database, with mail going to a temp pickup folder. The background
/// jobs are off: a test delivers mail when it chooses (<see cref="DeliverMailAsync"/>).
/// </summary>
public sealed class PortalApp : IAsyncDisposable
{
    public const string Password = "Shopper-Pass-2026";

    private readonly WebApplicationFactory<Program> _factory;
    private readonly IDictionary<string, string> _settings;
    private readonly bool _ownsDatabase;
    private int _orderCounter;

    private PortalApp(TestDatabase database, string mailFolder, IDictionary<string, string> settings, bool ownsDatabase)
    {
        Database = database;
        MailFolder = mailFolder;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            // UseSetting reaches the configuration before Program reads it to register the database.
            foreach (var (key, value) in database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Email:PickupFolder", mailFolder);
            builder.UseSetting("Outbox:Enabled", "false");
            builder.UseSetting("Stripe:Reconciliation:Enabled", "false");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            // The portal itself never seeds; tests that walk the demo store seed it through the app's services.
            builder.ConfigureServices(services => services.AddScoped<DemoSeeder>());
        });
        _ = _factory.Server;
    }

    public TestDatabase Database { get; }
    public string MailFolder { get; }

    /// <summary>The running app's services, e.g. its endpoint list.</summary>
    public IServiceProvider Services => _factory.Services;

    public static async Task<PortalApp> StartAsync(Provider provider, IDictionary<string, string>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var mailFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-mail", Guid.NewGuid().ToString("N"));
        return new PortalApp(database, mailFolder, settings ?? new Dictionary<string, string>(), ownsDatabase: true);
    }

    /// <summary>Another instance of the app on this one's database and settings, as a second server behind a load balancer.</summary>
    public PortalApp StartAnotherInstance() => new(Database, MailFolder, _settings, ownsDatabase: false);

    /// <summary>A new browser-like client with its own cookies; it follows redirects.</summary>
    public PortalBrowser NewBrowser() => new(_factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = true,
        HandleCookies = true,
    }));

    /// <summary>A browser whose cookies live in <paramref name="cookies"/>, so several instances can see the same browser.</summary>
    public PortalBrowser NewBrowser(CookieContainer cookies) =>
        new(_factory.CreateDefaultClient(new RedirectHandler(), new CookieContainerHandler(cookies)));

    /// <summary>A confirmed shopper account, as the shopper would have after registering and confirming.</summary>
    public async Task<Shopper> CreateShopperAsync(string? email = null, string name = "Pat Shopper")
    {
        email ??= $"shopper-{Guid.NewGuid():N}@example.com";
        await using var scope = _factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        var created = await users.CreateAsync(user, Password);
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Errors.Select(e => e.Description)));
        return new Shopper(user.Id, email, name);
    }

    /// <summary>A staff account as the back-office creates it: the staff role only.</summary>
    public async Task<Shopper> CreateStaffAsync(string role, string? email = null)
    {
        var staff = await CreateShopperAsync(email ?? $"staff-{Guid.NewGuid():N}@example.com", "Sue Staff");
        await WithServiceAsync<UserManager<ApplicationUser>, bool>(async users =>
        {
            var user = (await users.FindByIdAsync(staff.Id))!;
            (await users.RemoveFromRoleAsync(user, Roles.Customer)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
            return true;
        });
        return staff;
    }

    /// <summary>Places an order for the shopper through the domain; <paramref name="shape"/> moves it to the state a test needs.</summary>
    public async Task<Order> PlaceOrderAsync(
        Shopper shopper,
        PaymentMethod method = PaymentMethod.Card,
        decimal? amountPaid = null,
        Action<Order>? shape = null,
        DateTimeOffset? placedAt = null,
        decimal discount = 0m,
        long pointsRedeemed = 0)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        var number = $"T{Interlocked.Increment(ref _orderCounter):D4}-{Guid.NewGuid().ToString("N")[..6].ToUpperInvariant()}";
        var lines = new[] { new OrderLine("SKU-0001", "Blue teapot", 2, 19.50m), new OrderLine("SKU-0002", "Tea cosy", 1, 8.00m) };
        var total = 47.00m + 4.95m - discount;
        var order = Order.Place(number, shopper.Id, shopper.Email, shopper.Name, "EUR", lines, 4.95m, discount, method, amountPaid ?? total, placedAt ?? DateTimeOffset.UtcNow.AddDays(-1), "pi_test", pointsRedeemed);
        shape?.Invoke(order);
        await WithDbAsync(async db =>
        {
            db.Orders.Add(order);
            await db.SaveChangesAsync();
        });
        return order;
    }

    /// <summary>A request as the shopper would have made it, without going through the pages.</summary>
    public Task<CancellationRequest> RequestAsShopperAsync(Shopper shopper, Order order, ShopperReason reason = ShopperReason.ChangedMind, string? comment = null)
    {
        ArgumentNullException.ThrowIfNull(shopper);
        ArgumentNullException.ThrowIfNull(order);
        return WithServiceAsync<ISender, CancellationRequest>(async sender =>
            Succeeded(await sender.Send(new RequestCancellation(order.Id, reason.ToString(), comment, Actor.Shopper(shopper.Id, shopper.Email)))));
    }

    public Task<CancellationRequest> AcceptAsync(Guid requestId) =>
        SendAtCurrentVersionAsync(requestId, version => new AcceptCancellationRequest(requestId, version, Staff));

    public Task<CancellationRequest> RejectAsync(Guid requestId, string reason) =>
        SendAtCurrentVersionAsync(requestId, version => new RejectCancellationRequest(requestId, version, reason, Staff));

    /// <summary>A staff command on the request as it is now, as if the staff member had just opened it.</summary>
    private async Task<CancellationRequest> SendAtCurrentVersionAsync(Guid requestId, Func<long, ICommand<Result<CancellationRequest>>> command)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var request = (await scope.ServiceProvider.GetRequiredService<CancellationService>().LoadAsync(requestId, CancellationToken.None))!;
        return Succeeded(await scope.ServiceProvider.GetRequiredService<ISender>().Send(command(request.Version)));
    }

    /// <summary>Staff accept the order's latest request and decide to refund nothing: the order is canceled at once.</summary>
    public Task CancelAsync(string orderNumber) => ChangeLatestRequestAsync(orderNumber, async (scope, request) =>
    {
        var now = DateTimeOffset.UtcNow;
        if (request.CanAccept)
        {
            request.Accept(Staff, now).IsSuccess.ShouldBeTrue();
        }

        if (request.CanDecide)
        {
            var keepAll = new DecisionInput(
                DecisionReason.CustomerRequest, null, null, null, "Settled with the shopper by phone", RefundNow: false, Restock: false, NotifyShopper: false, StaffNote: null, RefundNothing: true);
            request.Decide(keepAll, await RulesAsync(scope), Staff, now).IsSuccess.ShouldBeTrue();
        }

        request.Status.ShouldBe(CancellationStatus.Canceled);
    });

    /// <summary>Staff record their decision on an accepted request, as the request checks it; no gateway is called.</summary>
    public Task DecideAsync(string orderNumber, DecisionInput decision) => ChangeLatestRequestAsync(orderNumber, async (scope, request) =>
        request.Decide(decision, await RulesAsync(scope), Staff, DateTimeOffset.UtcNow).Error.ShouldBeNull());

    private static Task<RefundRules> RulesAsync(IServiceProvider scope) => scope.GetRequiredService<RefundRulesSource>().LoadAsync(CancellationToken.None);

    /// <summary>Staff undo a cancellation where no money went back: the order is active again.</summary>
    public Task UndoAsync(string orderNumber) => ChangeLatestRequestAsync(orderNumber, (_, request) =>
    {
        var nothingTakenBack = new UndoContext(0m, 0, 100, new Dictionary<string, int>(), CreditNoteToAnswer: null);
        request.Undo(Staff, "Shopper asked to keep it", backorder: false, nothingTakenBack, DateTimeOffset.UtcNow).IsSuccess.ShouldBeTrue();
        return Task.CompletedTask;
    });

    /// <summary>Staff undo the order's latest request through the use case, as from the Undo page.</summary>
    public async Task<CancellationRequest> UndoThroughTheUseCaseAsync(string orderNumber)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var request = await LoadLatestRequestAsync(scope.ServiceProvider, orderNumber);
        return Succeeded(await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new UndoCancellation(request.Id, request.Version, "The shopper asked to keep it", Backorder: false, Staff)));
    }

    /// <summary>Staff issue a refund on the order's latest request; once the decided amount is back, the request completes.</summary>
    public async Task RefundAsync(string orderNumber, RefundMethod method, decimal amount)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var request = await LoadLatestRequestAsync(scope.ServiceProvider, orderNumber);
        (await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IssueRefund(request.Id, request.Version, method, amount, Staff))).Error.ShouldBeNull();
    }

    private async Task ChangeLatestRequestAsync(string orderNumber, Func<IServiceProvider, CancellationRequest, Task> change)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var request = await LoadLatestRequestAsync(scope.ServiceProvider, orderNumber);
        await change(scope.ServiceProvider, request);
        (await scope.ServiceProvider.GetRequiredService<CancellationService>().SaveAsync(request, CancellationToken.None)).IsSuccess.ShouldBeTrue();
    }

    private static async Task<CancellationRequest> LoadLatestRequestAsync(IServiceProvider services, string orderNumber)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var id = await db.CancellationRequests.Where(r => r.Order.Number == orderNumber).OrderByDescending(r => r.RequestedAt).Select(r => r.Id).FirstAsync();
        return (await services.GetRequiredService<CancellationService>().LoadAsync(id, CancellationToken.None))!;
    }

    public static Actor Staff { get; } = Actor.Staff("staff-1", "Sue Support");

    public async Task WithDbAsync(Func<AppDbContext, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _factory.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    /// <summary>The emails waiting in the outbox, oldest first.</summary>
    public Task<List<EmailMessage>> OutboxMailAsync() => WithDbAsync(async db =>
        (await db.Outbox.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind).ToListAsync())
            .OrderBy(m => m.CreatedAt)
            .Select(m => EmailMessage.FromJson(m.Payload))
            .ToList());

    /// <summary>Runs the outbox once, as the dispatcher would, and returns the .eml files in the pickup folder.</summary>
    public async Task<string[]> DeliverMailAsync()
    {
        await WithServiceAsync<OutboxProcessor, int>(p => p.DeliverDueAsync(CancellationToken.None));
        return Directory.Exists(MailFolder)
            ? Directory.GetFiles(MailFolder, "*.eml").Select(File.ReadAllText).ToArray()
            : [];
    }

    private static CancellationRequest Succeeded(Result<CancellationRequest> result)
    {
        result.Error.ShouldBeNull();
        return result.Value!;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (!_ownsDatabase)
        {
            return;
        }

        await Database.DisposeAsync();
        if (Directory.Exists(MailFolder))
        {
            Directory.Delete(MailFolder, recursive: true);
        }
    }
}

public sealed record Shopper(string Id, string Email, string Name);
