using System.Globalization;
using System.Text.Json;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid.Helpers.EventWebhook;

namespace CancellationPortal.Domain.Notifications;

/// <summary>What became of one batch of SendGrid events: how many changed an email, or why the batch was refused.</summary>
public sealed record SendGridEventReceipt(int Recorded, string? Refusal)
{
    public bool IsRefused => Refusal is not null;
}

/// <summary>
/// SendGrid's Event Webhook: a batch of events, signed with SendGrid's ECDSA key over the timestamp and the raw body.
/// Unsigned, wrongly signed and stale batches are refused; delivered, bounce, dropped and spam-report events are
/// recorded on the outbox row their <c>outbox_id</c> names. Events may come twice and in any order.
/// </summary>
public sealed partial class SendGridEventWebhook(AppDbContext db, IOptions<EmailOptions> options, TimeProvider clock, ILogger<SendGridEventWebhook> logger)
{
    public const string SignatureHeader = RequestValidator.SIGNATURE_HEADER;
    public const string TimestampHeader = RequestValidator.TIMESTAMP_HEADER;

    public async Task<SendGridEventReceipt> ReceiveAsync(string body, string? signature, string? timestamp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Refusal(body, signature, timestamp) is { } refusal)
        {
            LogRefused(refusal);
            return new SendGridEventReceipt(0, refusal);
        }

        List<SendGridEvent> events;
        try
        {
            events = JsonSerializer.Deserialize<List<SendGridEvent>>(body) ?? [];
        }
        catch (JsonException)
        {
            return new SendGridEventReceipt(0, "The body is not a list of SendGrid events.");
        }

        var recorded = 0;
        foreach (var item in events)
        {
            if (Delivery(item.Event) is not { } delivery || !Guid.TryParse(item.OutboxId, out var id))
            {
                continue;
            }

            var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (message is null)
            {
                continue;
            }

            message.RecordDelivery(delivery, item.Reason ?? item.Response, DateTimeOffset.FromUnixTimeSeconds(item.Timestamp));
            recorded++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SendGridEventReceipt(recorded, null);
    }

    private string? Refusal(string body, string? signature, string? timestamp)
    {
        var settings = options.Value.SendGrid;
        if (string.IsNullOrWhiteSpace(settings.WebhookVerificationKey))
        {
            return "Email:SendGrid:WebhookVerificationKey is not set, so no event can be trusted.";
        }

        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return "The events are not signed.";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799L))).Duration() > settings.WebhookTolerance)
        {
            return "The events' signed time is too far from now: an old batch is not taken again.";
        }

        try
        {
            var validator = new RequestValidator();
            return validator.VerifySignature(validator.ConvertPublicKeyToECDSA(settings.WebhookVerificationKey), body, signature, timestamp)
                ? null
                : "The signature does not match the events.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The key or the signature cannot even be read (not base64, not DER): nothing signed it that we can trust.
            return "The signature is not one SendGrid writes.";
        }
    }

    private static EmailDelivery? Delivery(string? sendGridEvent) => sendGridEvent switch
    {
        "delivered" => EmailDelivery.Delivered,
        "bounce" => EmailDelivery.Bounced,
        "dropped" => EmailDelivery.Dropped,
        "spamreport" => EmailDelivery.SpamReported,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid events refused: {Reason}")]
    private partial void LogRefused(string reason);

    private sealed record SendGridEvent(
        [property: System.Text.Json.Serialization.JsonPropertyName("event")] string? Event,
        [property: System.Text.Json.Serialization.JsonPropertyName("timestamp")] long Timestamp,
        [property: System.Text.Json.Serialization.JsonPropertyName(OutgoingEmail.IdArgument)] string? OutboxId,
        [property: System.Text.Json.Serialization.JsonPropertyName("reason")] string? Reason,
        [property: System.Text.Json.Serialization.JsonPropertyName("response")] string? Response);
}
