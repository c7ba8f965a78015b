using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Identity;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

[JsonConverter(typeof(JsonStringEnumConverter<PutOrderOutcome>))]
public enum PutOrderOutcome
{
    Created,
    Updated,
    Unchanged,
}

public sealed record PutOrderResult(PutOrderOutcome Outcome, Guid OrderId, string Number);

public sealed record ShopperBody(string? Email, string? Name);

public sealed record OrderLineBody(string? Sku, string? Name, int? Quantity, decimal? UnitPrice);

/// <param name="Method">The name of one <see cref="PaymentMethod"/>.</param>
/// <param name="Reference">The payment provider's reference, such as a Stripe payment intent (pi_...).</param>
public sealed record PaymentBody(string? Method, decimal? Amount, string? Reference);

/// <param name="Status">The name of one <see cref="FulfillmentStatus"/>.</param>
public sealed record FulfillmentBody(string? Status, string? Carrier, string? TrackingNumber);

/// <param name="Status">The name of one <see cref="SupplierOrderStatus"/>.</param>
public sealed record SupplierBody(string? Status, string? Name);

/// <summary>
/// A shop platform creates or updates one of its orders. The same body twice changes nothing. Once here, an order's
/// lines, amounts and payment are fixed (refunds are reckoned from them); its fulfillment and supplier move on.
/// </summary>
public sealed record PutOrder(
    string? Currency,
    ShopperBody? Shopper,
    IReadOnlyList<OrderLineBody>? Lines,
    decimal? Shipping,
    decimal? Discount,
    decimal? Total,
    PaymentBody? Payment,
    FulfillmentBody? Fulfillment,
    SupplierBody? Supplier,
    DateTimeOffset? PlacedAt) : ICommand<Result<PutOrderResult>>
{
    /// <summary>The shop platform's id, from the address.</summary>
    [JsonIgnore]
    public string ExternalId { get; init; } = "";

    public const string NumberSeries = "api-order";
    public const int MaxLines = 500;

    internal string Fingerprint() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(this))));
}

public sealed class PutOrderValidator : AbstractValidator<PutOrder>
{
    private static readonly HashSet<string> Currencies = CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => new RegionInfo(c.Name).ISOCurrencySymbol)
        .Where(s => s.Length == 3)
        .ToHashSet(StringComparer.Ordinal);

    public PutOrderValidator()
    {
        RuleFor(o => o.ExternalId).NotEmpty().MaximumLength(ExternalOrder.MaxExternalIdLength)
            .WithMessage($"The order id must be 1 to {ExternalOrder.MaxExternalIdLength} characters.");
        RuleFor(o => o.Currency).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the order's currency (an ISO 4217 code such as EUR).")
            .Must(c => Currencies.Contains(c!)).WithMessage(o => $"'{o.Currency}' is not a known currency code (ISO 4217, upper case, such as EUR).");
        RuleFor(o => o.Shopper).NotNull().WithMessage("Give the shopper's email and name.");
        RuleFor(o => o.Shopper!.Email).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the shopper's email address.")
            .MaximumLength(256).EmailAddress().WithMessage("The shopper's email address is not valid.")
            .When(o => o.Shopper is not null);
        RuleFor(o => o.Shopper!.Name).NotEmpty().WithMessage("Give the shopper's name.")
            .MaximumLength(256).When(o => o.Shopper is not null);
        RuleFor(o => o.Lines).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("An order needs at least one line.")
            .Must(l => l!.Count <= PutOrder.MaxLines).WithMessage($"An order can have at most {PutOrder.MaxLines} lines.");
        RuleForEach(o => o.Lines).NotNull().WithMessage("A line cannot be empty.").ChildRules(line =>
        {
            line.RuleFor(l => l.Sku).NotEmpty().WithMessage("Give the line's SKU.").MaximumLength(100);
            line.RuleFor(l => l.Name).NotEmpty().WithMessage("Give the line's product name.").MaximumLength(256);
            line.RuleFor(l => l.Quantity).NotNull().WithMessage("Give the line's quantity.")
                .InclusiveBetween(1, 100_000).WithMessage("The quantity must be a whole number from 1 to 100,000.");
            line.RuleFor(l => l.UnitPrice).NotNull().WithMessage("Give the line's unit price.")
                .Must(Amount).WithMessage("The unit price must be 0 or more, with at most 4 decimals.");
        });
        RuleFor(o => o.Shipping).Must(a => a is null || Amount(a)).WithMessage("Shipping must be 0 or more, with at most 4 decimals.");
        RuleFor(o => o.Discount).Must(a => a is null || Amount(a)).WithMessage("The discount must be 0 or more, with at most 4 decimals.");
        RuleFor(o => o.Total).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the order's total.")
            .Must(Amount).WithMessage("The total must be 0 or more, with at most 4 decimals.")
            .Equal(o => ComputedTotal(o)).WithMessage(o => $"The total does not add up: the lines plus shipping minus discount make {ComputedTotal(o)}.")
            .When(o => o.Lines is { Count: > 0 } lines && lines.All(l => l is { Quantity: not null, UnitPrice: not null }));
        RuleFor(o => o.Payment).NotNull().WithMessage("Give the payment (method and amount paid).");
        When(o => o.Payment is not null, () =>
        {
            RuleFor(o => o.Payment!.Method).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Give the payment method.")
                .Must(IsName<PaymentMethod>).WithMessage($"The payment method must be one of: {Names<PaymentMethod>()}.");
            RuleFor(o => o.Payment!.Amount).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("Give the amount paid (0 when nothing is paid yet).")
                .Must(Amount).WithMessage("The amount paid must be 0 or more, with at most 4 decimals.")
                .LessThanOrEqualTo(o => o.Total).When(o => o.Total is not null).WithMessage("The amount paid cannot be more than the total.");
            RuleFor(o => o.Payment!.Reference).MaximumLength(256);
        });
        When(o => o.Fulfillment is not null, () =>
        {
            RuleFor(o => o.Fulfillment!.Status).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Give the fulfillment status.")
                .Must(IsName<FulfillmentStatus>).WithMessage($"The fulfillment status must be one of: {Names<FulfillmentStatus>()}.");
            RuleFor(o => o.Fulfillment!.Carrier).MaximumLength(100);
            RuleFor(o => o.Fulfillment!.TrackingNumber).MaximumLength(100);
        });
        When(o => o.Supplier is not null, () =>
        {
            RuleFor(o => o.Supplier!.Status).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Give the supplier's status.")
                .Must(IsName<SupplierOrderStatus>).WithMessage($"The supplier status must be one of: {Names<SupplierOrderStatus>()}.");
            RuleFor(o => o.Supplier!.Name).MaximumLength(256);
        });
    }

    internal static bool IsName<TEnum>(string? value)
        where TEnum : struct, Enum => Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal);

    internal static string Names<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());

    private static bool Amount(decimal? amount) => amount is >= 0m and < 1_000_000_000m && decimal.Round(amount.Value, 4) == amount.Value;

    private static decimal ComputedTotal(PutOrder o) =>
        o.Lines!.Sum(l => l.Quantity!.Value * l.UnitPrice!.Value) + (o.Shipping ?? 0m) - (o.Discount ?? 0m);
}

public sealed class PutOrderHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<PutOrder, Result<PutOrderResult>>
{
    public async ValueTask<Result<PutOrderResult>> Handle(PutOrder command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var now = clock.GetUtcNow();
        var fingerprint = command.Fingerprint();
        var known = await db.Set<ExternalOrder>().SingleOrDefaultAsync(e => e.ExternalId == command.ExternalId, cancellationToken);
        Order order;
        PutOrderOutcome outcome;
        if (known is null)
        {
            order = await PlaceAsync(command, now, cancellationToken);
            db.Orders.Add(order);
            db.Set<ExternalOrder>().Add(new ExternalOrder(command.ExternalId, order.Id, fingerprint, now));
            outcome = PutOrderOutcome.Created;
        }
        else
        {
            order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == known.OrderId, cancellationToken);
            if (known.Fingerprint == fingerprint)
            {
                return new PutOrderResult(PutOrderOutcome.Unchanged, order.Id, order.Number);
            }

            if (FixedPartDiffers(order, command))
            {
                return Error.Conflict("An order's currency, lines, amounts and payment cannot change once it is here: only fulfillment and supplier status can.");
            }

            known.Pushed(fingerprint, now);
            outcome = PutOrderOutcome.Updated;
        }

        ApplyMovingPart(order, command);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            return Error.Conflict("The same order was pushed twice at once: push it again to see where it stands.");
        }

        return new PutOrderResult(outcome, order.Id, order.Number);
    }

    private async Task<Order> PlaceAsync(PutOrder command, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // An account with this email, once its owner confirmed the address, sees the order in the portal.
        var email = command.Shopper!.Email!.Trim();
        var normalized = email.ToUpperInvariant();
        var customerId = await db.Users
            .Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(cancellationToken) ?? "";
        var number = await db.NextNumberAsync(PutOrder.NumberSeries, "W", cancellationToken);
        return Order.Place(
            number,
            customerId,
            email,
            command.Shopper.Name!.Trim(),
            command.Currency!,
            command.Lines!.Select(l => new OrderLine(l.Sku!, l.Name!, l.Quantity!.Value, l.UnitPrice!.Value)),
            command.Shipping ?? 0m,
            command.Discount ?? 0m,
            Enum.Parse<PaymentMethod>(command.Payment!.Method!),
            command.Payment.Amount!.Value,
            command.PlacedAt ?? now,
            command.Payment.Reference);
    }

    private static bool FixedPartDiffers(Order order, PutOrder command) =>
        order.Currency != command.Currency
        || order.Total != command.Total
        || order.AmountPaid != command.Payment!.Amount
        || order.PaymentMethod != Enum.Parse<PaymentMethod>(command.Payment.Method!)
        || order.Lines.Count != command.Lines!.Count
        || order.Lines.Zip(command.Lines).Any(p => p.First.Sku != p.Second.Sku || p.First.Quantity != p.Second.Quantity || p.First.UnitPrice != p.Second.UnitPrice);

    private static void ApplyMovingPart(Order order, PutOrder command)
    {
        if (command.Fulfillment is { } fulfillment)
        {
            var status = Enum.Parse<FulfillmentStatus>(fulfillment.Status!);
            if (status != order.FulfillmentStatus || fulfillment.Carrier != order.Carrier || fulfillment.TrackingNumber != order.TrackingNumber)
            {
                order.UpdateFulfillment(status, fulfillment.Carrier, fulfillment.TrackingNumber);
            }
        }

        if (command.Supplier is { } supplier)
        {
            var status = Enum.Parse<SupplierOrderStatus>(supplier.Status!);
            if (status != order.SupplierStatus || supplier.Name != order.SupplierName)
            {
                order.UpdateSupplier(status, supplier.Name);
            }
        }
    }
}
