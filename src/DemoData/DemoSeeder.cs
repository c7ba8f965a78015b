using Bogus;
using CancellationPortal.Domain;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Customers;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.DemoData;

/// <summary>
/// Fills an empty database with a realistic store: staff and shopper accounts, stock, about 200 orders in
/// every fulfillment, payment and drop-ship state, and requests in every lifecycle status. It is
/// deterministic and does nothing when orders already exist, so running it twice never duplicates anything.
/// </summary>
public sealed partial class DemoSeeder(
    AppDbContext db,
    UnitOfWork unitOfWork,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    public const string DefaultPassword = "Demo-Cancel-2026!";

    public static readonly (string Email, string Name, string Role)[] DemoAccounts =
    [
        ("shopper@example.com", "Sam Shopper", Roles.Customer),
        ("support@example.com", "Sue Support", Roles.Support),
        ("manager@example.com", "Max Manager", Roles.Manager),
        ("admin@example.com", "Ada Admin", Roles.Admin),
    ];

    private static readonly string[] Currencies = ["EUR", "USD", "JPY"];

    /// <summary>The demo's canceled requests are refunded in store credit, which needs no gateway.</summary>
    private static readonly RefundRules DemoRefundRules = new(CardAvailable: false, "Sandbox", "EUR", PointsPerCurrencyUnit: 100);

    public string Password => configuration["Demo:Password"] ?? DefaultPassword;

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var accounts = new List<ApplicationUser>();
        foreach (var (email, name, role) in DemoAccounts)
        {
            accounts.Add(await EnsureUserAsync(email, name, role));
        }

        if (await db.Orders.AnyAsync(cancellationToken))
        {
            return false;
        }

        var faker = new Faker { Random = new Randomizer(2026) };
        var shoppers = new List<ApplicationUser> { accounts[0] };
        for (var i = 1; i <= 12; i++)
        {
            var first = faker.Name.FirstName();
            var last = faker.Name.LastName();
            shoppers.Add(await EnsureUserAsync($"{first}.{last}{i}@example.com".ToLowerInvariant(), $"{first} {last}", Roles.Customer));
        }

        var now = clock.GetUtcNow();
        var stock = Enumerable.Range(1, 30)
            .Select(i => new StockItem($"SKU-{i:D4}", faker.Commerce.ProductName(), faker.Random.Int(5, 80)))
            .ToList();
        db.StockItems.AddRange(stock);

        var invoices = new DocumentSequence("invoice", "INV-");
        db.DocumentSequences.Add(invoices);
        var orders = new List<Order>();
        for (var i = 0; i < 200; i++)
        {
            // The demo shopper gets the first 24 orders, so every case is one click away after signing in.
            var shopper = i < 24 ? shoppers[0] : shoppers[1 + (i % (shoppers.Count - 1))];
            var order = BuildOrder(faker, i, shopper, stock, now);
            orders.Add(order);
            db.Orders.Add(order);
            if (order.Total > 0)
            {
                db.Invoices.Add(Invoice.Issue(invoices.Next(), order.Id, order.Total, order.Currency, order.PlacedAt));
            }
        }

        SeedRequests(faker, orders, now);
        await unitOfWork.SaveAsync(cancellationToken);
        LogSeeded(orders.Count);
        return true;
    }

    private static Order BuildOrder(Faker faker, int index, ApplicationUser shopper, List<StockItem> stock, DateTimeOffset now)
    {
        var currency = Currencies[index % Currencies.Length];
        var zeroDecimal = Money.DecimalsOf(currency) == 0;
        var lines = Enumerable.Range(0, faker.Random.Int(1, 3)).Select(_ =>
        {
            var item = faker.PickRandom(stock);
            var price = zeroDecimal ? faker.Random.Int(8, 120) * 100m : Math.Round(faker.Random.Decimal(5m, 180m), 2);
            return new OrderLine(item.Sku, item.Name, faker.Random.Int(1, 3), price);
        }).ToList();

        // Every tenth order is free (a giveaway or a fully discounted order): nothing to refund.
        var free = index % 10 == 7;
        var shipping = free ? 0m : zeroDecimal ? 500m : 4.95m;
        var subtotal = lines.Sum(l => l.LineTotal);
        var discount = free ? subtotal + shipping : 0m;
        var method = free ? PaymentMethod.None : (PaymentMethod)(1 + (index % 5));
        var total = subtotal + shipping - discount;
        var fulfillment = (FulfillmentStatus)(index / 3 % 6);
        var paid = method switch
        {
            PaymentMethod.None => 0m,
            PaymentMethod.CashOnDelivery => fulfillment == FulfillmentStatus.Delivered ? total : 0m,
            PaymentMethod.Points => 0m,
            _ => total,
        };
        var order = Order.Place(
            (10001 + index).ToString(System.Globalization.CultureInfo.InvariantCulture),
            shopper.Id,
            shopper.Email!,
            shopper.DisplayName,
            currency,
            lines,
            shipping,
            discount,
            method,
            paid,
            now.AddHours(-faker.Random.Int(2, 24 * 60)),
            method == PaymentMethod.Card ? $"pi_demo_{index:D5}" : null,
            method == PaymentMethod.Points ? (long)(total * (zeroDecimal ? 1 : 100)) : 0);
        if (fulfillment is FulfillmentStatus.Shipped or FulfillmentStatus.InTransit or FulfillmentStatus.Delivered or FulfillmentStatus.ReturnedToSender)
        {
            order.UpdateFulfillment(fulfillment, faker.PickRandom("DHL", "UPS", "PostNL", "Yamato"), $"TRK{faker.Random.Long(100000000, 999999999)}", fulfillment.ToDisplay());
        }
        else
        {
            order.UpdateFulfillment(fulfillment);
        }

        // Some unfulfilled orders ship from a drop-ship supplier, in each supplier state. Unfulfilled orders come
        // in runs of three every eighteen, so the middle one of each run takes the next supplier state in turn.
        if (fulfillment == FulfillmentStatus.Unfulfilled && index % 3 == 1)
        {
            order.UpdateSupplier((SupplierOrderStatus)(1 + (index / 18 % 3)), faker.Company.CompanyName());
        }

        return order;
    }

    private void SeedRequests(Faker faker, List<Order> orders, DateTimeOffset now)
    {
        var support = Actor.Staff("seed-support", "Sue Support");
        var eligible = orders
            .Where(o => CancellationPolicy.Evaluate(o, hasOpenRequest: false) == PolicyAnswer.Allowed && o.HasMoneyToRefund)
            .Skip(4) // leave a few cancelable orders for the demo shopper to try
            .ToList();
        var statuses = Enum.GetValues<CancellationStatus>();
        for (var i = 0; i < eligible.Count && i < statuses.Length * 4; i++)
        {
            var order = eligible[i];
            var at = order.PlacedAt.AddHours(1);
            var shopper = Actor.Shopper(order.CustomerId, order.CustomerName);
            var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, shopper, "portal", faker.PickRandom<ShopperReason>(), faker.Random.Bool() ? faker.Lorem.Sentence() : null, at).Value!;
            db.CancellationRequests.Add(request);
            var target = statuses[i % statuses.Length];
            Drive(request, target, support, shopper, at.AddHours(2));
        }
    }

    private void Drive(CancellationRequest request, CancellationStatus target, Actor staff, Actor shopper, DateTimeOffset at)
    {
        switch (target)
        {
            case CancellationStatus.Requested:
                return;
            case CancellationStatus.Withdrawn:
                request.Withdraw(shopper, at);
                return;
            case CancellationStatus.Rejected:
                request.Reject(staff, "The order was already handed to the courier.", at);
                return;
            default:
                request.Accept(staff, at);
                break;
        }

        if (target == CancellationStatus.InProgress)
        {
            return;
        }

        // Refunded in full in store credit, which settles at once, so the request completes itself.
        var order = request.Order;
        var decision = new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, null, null, RefundNow: true, Restock: false, NotifyShopper: false, StaffNote: null);
        if (!request.Decide(decision, DemoRefundRules, staff, at.AddMinutes(5)).IsSuccess)
        {
            throw new InvalidOperationException($"The demo decision on order {order.Number} was refused.");
        }

        if (target is CancellationStatus.AwaitingRepayment or CancellationStatus.Undone)
        {
            // The shopper still holds the store credit for Undone (taken back at once) and spent it for AwaitingRepayment.
            var balance = target == CancellationStatus.Undone ? order.AmountPaid : 0m;
            var context = new UndoContext(balance, 0, DemoRefundRules.PointsPerCurrencyUnit, new Dictionary<string, int>(), CreditNoteToAnswer: null);
            if (!request.Undo(staff, "The shopper asked to keep the order after all.", backorder: false, context, at.AddDays(1)).IsSuccess)
            {
                throw new InvalidOperationException($"The demo undo on order {order.Number} was refused.");
            }
        }
    }

    private async Task<ApplicationUser> EnsureUserAsync(string email, string name, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
            Check(await users.CreateAsync(user, Password));
        }

        if (!await users.IsInRoleAsync(user, role))
        {
            Check(await users.AddToRoleAsync(user, role));
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Seeding an account failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo orders")]
    private partial void LogSeeded(int count);
}
