using System.Text.Json;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdk = Stripe;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>A verified Stripe event: its id, its type and the object it is about (data.object), as Stripe.net read it.</summary>
public sealed record StripeEvent(string Id, string Type, Sdk.IHasObject? Object)
{
    public static StripeEvent From(Sdk.Event stripeEvent)
    {
        ArgumentNullException.ThrowIfNull(stripeEvent);
        return new StripeEvent(stripeEvent.Id, stripeEvent.Type, stripeEvent.Data?.Object);
    }

    /// <exception cref="FormatException">data.object is not the object its event type promises.</exception>
    public T Read<T>()
        where T : class, Sdk.IHasObject =>
        Object as T ?? throw new FormatException($"Event {Id} of type {Type} does not carry a {typeof(T).Name}.");
}

public enum WebhookOutcome
{
    Handled,

    /// <summary>The event id was handled before: nothing is applied twice.</summary>
    Duplicate,

    /// <summary>A type we do not act on: acknowledged so Stripe stops sending it.</summary>
    Ignored,
}

/// <summary>What the webhook endpoint answers Stripe: the outcome of an event taken in, or why it was refused.</summary>
public sealed record WebhookReceipt(WebhookOutcome? Outcome, string? Refusal)
{
    public bool IsRefused => Refusal is not null;

    public static WebhookReceipt Taken(WebhookOutcome outcome) => new(outcome, null);

    public static WebhookReceipt Refused(string reason) => new(null, reason);
}

/// <summary>
/// Verifies Stripe's webhook deliveries and applies their events: refund outcomes and disputes. Each event is
/// applied once: its id is saved in ProcessedWebhookEvents in the same transaction as its effects.
/// </summary>
public sealed partial class StripeWebhookHandler(
    AppDbContext db,
    CancellationService cancellations,
    UnitOfWork unitOfWork,
    IOptions<StripeOptions> stripe,
    IOptions<EmailOptions> email,
    TimeProvider clock,
    ILogger<StripeWebhookHandler> logger)
{
    private const string NotAStripeEvent = "Not a Stripe event.";

    /// <param name="payload">The request body exactly as sent: the signature covers it byte for byte.</param>
    /// <param name="signatureHeader">The Stripe-Signature header; empty when missing.</param>
    public async Task<WebhookReceipt> ReceiveAsync(string payload, string signatureHeader, CancellationToken cancellationToken)
    {
        var settings = stripe.Value;
        if (string.IsNullOrEmpty(settings.WebhookSecret))
        {
            LogRejected("no webhook secret is configured");
            return WebhookReceipt.Refused("Signature check failed: no webhook secret is configured.");
        }

        StripeEvent stripeEvent;
        try
        {
            // Stripe.net checks every v1 signature against the secret and the signed time against our clock,
            // then refuses events written for another API version than the one we pin.
            stripeEvent = StripeEvent.From(Sdk.EventUtility.ConstructEvent(
                payload,
                signatureHeader,
                settings.WebhookSecret,
                (long)settings.WebhookTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: true));
        }
        catch (Sdk.StripeException ex)
        {
            // A missing, wrong or stale signature, or an event for another API version: Stripe.net says which.
            LogRejected(ex.Message);
            return WebhookReceipt.Refused($"Event refused: {ex.Message}");
        }
        catch (JsonException)
        {
            LogMalformed();
            return WebhookReceipt.Refused(NotAStripeEvent);
        }

        try
        {
            return WebhookReceipt.Taken(await ApplyAsync(stripeEvent, cancellationToken));
        }
        catch (FormatException)
        {
            // data.object does not have the shape its event type promises.
            LogMalformed();
            return WebhookReceipt.Refused(NotAStripeEvent);
        }
    }

    private async Task<WebhookOutcome> ApplyAsync(StripeEvent stripeEvent, CancellationToken cancellationToken)
    {
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
                await ApplyRefundAsync(stripeEvent.Read<Sdk.Refund>(), now, cancellationToken);
                break;
            case "charge.refunded":
                foreach (var refund in stripeEvent.Read<Sdk.Charge>().Refunds?.Data ?? [])
                {
                    await ApplyRefundAsync(refund, now, cancellationToken);
                }

                break;
            case "checkout.session.completed" or "checkout.session.async_payment_succeeded":
                await ApplyRepaymentAsync(stripeEvent.Read<Sdk.Checkout.Session>(), now, cancellationToken);
                break;
            case "charge.dispute.created":
                await SetDisputedAsync(stripeEvent.Read<Sdk.Dispute>(), true, now, cancellationToken);
                break;
            default:
                await SetDisputedAsync(stripeEvent.Read<Sdk.Dispute>(), false, now, cancellationToken);
                break;
        }

        db.Set<ProcessedWebhookEvent>().Add(new ProcessedWebhookEvent(stripeEvent.Id, stripeEvent.Type, now));
        try
        {
            await unitOfWork.SaveAsync(cancellationToken);
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
        or "charge.dispute.created" or "charge.dispute.closed" or "checkout.session.completed" or "checkout.session.async_payment_succeeded";

    private async Task ApplyRefundAsync(Sdk.Refund stripeRefund, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ourId = StripeClient.OurRefundId(stripeRefund);
        var refund = await db.Refunds.AsNoTracking().FirstOrDefaultAsync(
            r => r.Method == RefundMethod.OriginalPayment && (r.ProviderReference == stripeRefund.Id || r.Id == ourId),
            cancellationToken);
        if (refund is null || await cancellations.LoadAsync(refund.RequestId, cancellationToken) is not { } request)
        {
            // Made outside this system (e.g. in Stripe's dashboard): nothing of ours to settle.
            LogUnknownRefund(stripeRefund.Id);
            return;
        }

        request.SettleRefund(refund.Id, StripePaymentGateway.ToResult(stripeRefund), Actor.System, now);
    }

    /// <summary>
    /// A shopper paid back what an undo found due. A payment for no repayment of ours, or for an undo no longer
    /// waiting for it (completed, or kept canceled by staff), is recorded as handled and changes nothing; staff
    /// are told about money that arrived for an undo that no longer waits, so they can refund it.
    /// </summary>
    private async Task ApplyRepaymentAsync(Sdk.Checkout.Session session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (StripePaymentGateway.PaidOf(session) is not { } paid)
        {
            return;
        }

        var ourId = StripeClient.OurRepaymentId(session);
        var repayment = await db.Repayments.AsNoTracking().FirstOrDefaultAsync(r => r.Id == ourId || r.Reference == session.Id, cancellationToken);
        if (repayment is null || await cancellations.LoadAsync(repayment.RequestId, cancellationToken) is not { } request)
        {
            LogUnknownPayment(session.Id);
            return;
        }

        if (!request.SettleCardRepayment(repayment.Id, paid, null, Actor.System, now) && repayment.Status == RepaymentStatus.Pending)
        {
            LogPaymentNotAwaited(session.Id, request.Order.Number);
            db.EnqueueEmail(UndoEmails.RepaymentNotAwaited(email.Value.SupportAddress, request.Order.Number, paid), request.Order.Number, now);
        }
    }

    private async Task SetDisputedAsync(Sdk.Dispute dispute, bool disputed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string[] references = [.. new[] { dispute.ChargeId, dispute.PaymentIntentId }.OfType<string>()];
        var orders = await db.Orders.Where(o => o.PaymentReference != null && references.Contains(o.PaymentReference)).ToListAsync(cancellationToken);
        foreach (var order in orders.Where(o => o.IsDisputed != disputed))
        {
            order.SetDisputed(disputed);
            if (disputed)
            {
                db.EnqueueEmail(StaffEmails.DisputeOpened(email.Value.SupportAddress, order.Number), order.Number, now);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) applied")]
    private partial void LogHandled(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe event {EventId} ({Type}) was applied before; ignored")]
    private partial void LogDuplicate(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Stripe event {EventId} of type {Type} is not one we act on")]
    private partial void LogIgnored(string eventId, string type);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe refund {RefundId} is not one of ours")]
    private partial void LogUnknownRefund(string refundId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stripe checkout session {SessionId} is not a repayment of ours")]
    private partial void LogUnknownPayment(string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe checkout session {SessionId} paid for order {OrderNumber}, whose undo no longer waits for it")]
    private partial void LogPaymentNotAwaited(string sessionId, string orderNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private partial void LogRejected(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: the signed body is not a Stripe event")]
    private partial void LogMalformed();
}
