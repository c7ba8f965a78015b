namespace CancellationPortal.Domain.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
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

    public static OutboxMessage Create(string kind, string payload, string? topic, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Payload = payload,
        Topic = topic,
        Status = OutboxStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void MarkSent(DateTimeOffset now)
    {
        Status = OutboxStatus.Sent;
        SentAt = now;
        LockedUntil = null;
        LastError = null;
        Attempts++;
    }

    /// <summary>Schedules the next attempt with exponential backoff, or gives up after <paramref name="maxAttempts"/>.</summary>
    public void MarkAttemptFailed(string error, DateTimeOffset now, int maxAttempts, TimeSpan baseDelay)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        LockedUntil = null;
        if (Attempts >= maxAttempts)
        {
            Status = OutboxStatus.Failed;
            return;
        }

        var delay = TimeSpan.FromTicks(baseDelay.Ticks * (1L << Math.Min(Attempts - 1, 16)));
        NextAttemptAt = now + (delay > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : delay);
    }
}
