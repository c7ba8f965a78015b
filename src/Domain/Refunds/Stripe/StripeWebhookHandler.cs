using System.Text.Json;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>A Stripe event: its id, its type and the object it is about (data.object).</summary>
public sealed record StripeEvent(string Id, string Type, JsonElement Object)
{
    /// <summary>Null when the body is not JSON or lacks the id, type or data.object every event has.</summary>
    public static StripeEvent? TryParse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() is { Length: > 0 } eventId
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() is { Length: > 0 } eventType
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.Object)
            {
                return new StripeEvent(eventId, eventType, obj.Clone());
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public T Read<T>() => Object.Deserialize<T>(StripeJson.Options) ?? throw new JsonException($"Event {Id} has an empty data.object.");
}

public enum WebhookOutcome
{
    Handled,

    /// <summary>The event id was handled before: nothing is applied twice.</summary>
    Duplicate,

    /// <summary>A type we do not act on: acknowledged so Stripe stops sending it.</summary>
    Ignored,
}

/// <summary>
/// Applies verified Stripe events: refund outcomes, disputes and payments. Each event is applied once: its id
/// is saved in ProcessedWebhookEvents in the same transaction as its effects.
/// </summary>
public sealed partial class StripeWebhookHandler(
    AppDbContext db,
    RefundSettlement settlement,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<StripeWebhookHandler> logger)
{
    public async Task<WebhookOutcome> HandleAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        if (!IsHandled(stripeEvent.Type))
        {
            LogIgnored(stripeEvent.Id, stripeEvent.Type);
            return WebhookOutcome.Ignored;
        }

        if (await db.Set<ProcessedWebhookEvent>().AnyAsync(e => e.Id == stripeEvent.Id, cancellationToken))
        {
            LogDuplicate(stripeEvent.Id, stripeEvent.Type);
            return WebhookOutcome.Duplicate;
        }

        var now = clock.GetUtcNow();
        switch (stripeEvent.Type)
        {
            case "refund.created" or "refund.updated" or "refund.failed":
                await ApplyRefundAsync(stripeEvent.Read<StripeRefund>(), now, cancellationToken);
                break;
            case "charge.refunded":
                foreach (var refund in stripeEvent.Read<StripeCharge>().Refunds?.Data ?? [])
                {
                    await ApplyRefundAsync(refund, now, cancellationToken);
                }

                break;
            case "charge.dispute.created":
                await SetDisputedAsync(stripeEvent.Read<StripeDispute>(), true, now, cancellationToken);
                break;
            case "charge.dispute.closed":
                await SetDisputedAsync(stripeEvent.Read<StripeDispute>(), false, now, cancellationToken);
                break;
            default:
                await RecordPaymentAsync(stripeEvent.Read<StripePaymentIntent>(), now, cancellationToken);
                break;
        }

        db.Set<ProcessedWebhookEvent>().Add(new ProcessedWebhookEvent(stripeEvent.Id, stripeEvent.Type, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The same event delivered twice at once: the other delivery committed first, with the same effects.
            db.ChangeTracker.Clear();
            LogDuplicate(stripeEvent.Id, stripeEvent.Type);
            return WebhookOutcome.Duplicate;
        }

        LogHandled(stripeEvent.Id, stripeEvent.Type);
        return WebhookOutcome.Handled;
    }

    public static bool IsHandled(string type) => type is "refund.created" or "refund.updated" or "refund.failed" or "charge.refunded"
        or "charge.dispute.created" or "charge.dispute.closed" or "payment_intent.succeeded";

    private async Task ApplyRefundAsync(StripeRefund stripeRefund, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ourId = stripeRefund.OurRefundId;
        var refund = await db.Refunds.FirstOrDefaultAsync(
            r => r.Method == RefundMethod.OriginalPayment && (r.ProviderReference == stripeRefund.Id || r.Id == ourId),
            cancellationToken);
        if (refund is null)
        {
            // Made outside this system (e.g. in Stripe's dashboard): nothing of ours to settle.
            LogUnknownRefund(stripeRefund.Id);
            return;
        }

        await settlement.ApplyAsync(refund, StripePaymentGateway.ToResult(stripeRefund), Actor.System, now, cancellationToken);
    }

    private async Task SetDisputedAsync(StripeDispute dispute, bool disputed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] references = [.. new[] { dispute.Charge, dispute.PaymentIntent }.OfType<string>()];
        var orders = await db.Orders.Where(o => o.PaymentReference != null && references.Contains(o.PaymentReference)).ToListAsync(cancellationToken);
        foreach (var order in orders.Where(o => o.IsDisputed != disputed))
        {
            order.SetDisputed(disputed);
            if (disputed)
            {
                db.EnqueueEmail(DisputeOpened(order), order.Number, now);
            }
        }
    }

    private EmailMessage DisputeOpened(Order order) => new(
        email.Value.SupportAddress,
        $"Card payment disputed for order {order.Number}",
        $"""
        The shopper disputed the card payment of order {order.Number} with their bank.
        Card refunds for this order are blocked until the dispute is closed; answer the dispute in Stripe's dashboard.
        """);

    private async Task RecordPaymentAsync(StripePaymentIntent intent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Set<CardPayment>().AnyAsync(p => p.PaymentIntentId == intent.Id, cancellationToken))
        {
            return;
        }

        intent.Metadata.TryGetValue(StripeClient.OrderNumberMetadataKey, out var orderNumber);
        var received = Money.FromMinorUnits(intent.AmountReceived, intent.Currency);
        db.Set<CardPayment>().Add(new CardPayment(intent.Id, orderNumber, received.Amount, received.Currency, now));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) applied")]
    private partial void LogHandled(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) was applied before; ignored")]
    private partial void LogDuplicate(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stripe event {EventId} of type {Type} is not one we act on")]
    private partial void LogIgnored(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe refund {RefundId} is not one of ours")]
    private partial void LogUnknownRefund(string refundId);
}
