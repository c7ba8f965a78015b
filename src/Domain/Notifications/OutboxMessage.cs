namespace CancellationPortal.Domain.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>What the mail service reported after it took an email (SendGrid's Event Webhook).</summary>
public enum EmailDelivery
{
    Delivered,
    Bounced,
    Dropped,
    SpamReported,
}

/// <summary>
/// A message to deliver after a state change commits. It is written in the same transaction as the change,
/// so a message is never lost and never sent for a change that rolled back.
/// </summary>
public sealed class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The channel: "email" today, outbound webhooks later.</summary>
    public string Kind { get; private set; } = "";

    public string Payload { get; private set; } = "";

    /// <summary>What the message is about (an order number), for staff looking for it; never personal data.</summary>
    public string? Topic { get; private set; }

    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }

    /// <summary>A dispatcher owns the message until then; another instance skips it.</summary>
    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>Which template wrote an email (<see cref="EmailTemplateNames"/>), so staff can find and filter it.</summary>
    public string? Template { get; private set; }

    /// <summary>The mail service's id for the sent message (SendGrid's X-Message-Id).</summary>
    public string? ProviderMessageId { get; private set; }

    /// <summary>The last thing the mail service reported after taking it; none until it reports.</summary>
    public EmailDelivery? Delivery { get; private set; }

    /// <summary>The service's words with the report (a bounce's reason).</summary>
    public string? DeliveryDetail { get; private set; }

    public DateTimeOffset? DeliveryReportedAt { get; private set; }

    /// <summary>When staff sent it again after it did not arrive; a resent email no longer flags its request.</summary>
    public DateTimeOffset? ResentAt { get; private set; }

    /// <summary>It did not reach its reader: the service failed it, or it bounced or was dropped after it left.</summary>
    public bool NotReceived => Status == OutboxStatus.Failed || Delivery is EmailDelivery.Bounced or EmailDelivery.Dropped;

    public static OutboxMessage Create(string kind, string payload, string? topic, DateTimeOffset now, string? template = null) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Payload = payload,
        Topic = topic,
        Template = template,
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now, string? providerMessageId = null)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        LockedUntil = null;
        LastError = null;
        ProviderMessageId = providerMessageId is { Length: > 200 } ? providerMessageId[..200] : providerMessageId;
        Attempts++;
    }

    /// <summary>
    /// Schedules the next attempt with exponential backoff (never sooner than the service asked), or gives up after
    /// <paramref name="maxAttempts"/>.
    /// </summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan baseDelay, TimeSpan? retryAfter = null)
    {
        Attempts++;
        LastError = Trim(error);
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        var delay = TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(Attempts - 1, 16)));
        delay = delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay;
        NextAttemptAt = now + (retryAfter > delay ? retryAfter.Value : delay);
    }

    /// <summary>The service refused the message itself: another attempt would be refused too.</summary>
    public void MarkRefused(string reason, DateTimeOffset now)
    {
        Attempts++;
        LastError = Trim(reason);
        LockedUntil = null;
        Status = OutboxStatus.Failed;
        NextAttemptAt = now;
    }

    /// <summary>Records what the mail service reported; a later "delivered" never hides an earlier bounce of the same message.</summary>
    public void RecordDelivery(EmailDelivery delivery, string? detail, DateTimeOffset at)
    {
        if (Delivery is EmailDelivery.Bounced or EmailDelivery.Dropped && delivery == EmailDelivery.Delivered)
        {
            return;
        }

        Delivery = delivery;
        DeliveryDetail = detail is null ? null : detail.Length > 500 ? detail[..500] : detail;
        DeliveryReportedAt = at;
    }

    /// <summary>A copy to send again, under a new id; this one stops flagging its request.</summary>
    public OutboxMessage Resend(DateTimeOffset now)
    {
        ResentAt = now;
        return Create(Kind, Payload, Topic, now, Template);
    }

    private static string Trim(string error) => error.Length > 2000 ? error[..2000] : error;
}
