using System.Security.Cryptography;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.Domain.Integrations;

/// <summary>The events a store's endpoint can hear, and which step of a request's history raises each.</summary>
public static class WebhookEvents
{
    public const string DisputeOpened = "dispute.opened";

    public static readonly IReadOnlyList<string> All =
    [
        "cancellation.requested", "cancellation.accepted", "cancellation.rejected", "cancellation.withdrawn",
        "cancellation.canceled", "cancellation.undone", "refund.succeeded", "refund.failed", DisputeOpened,
    ];

    /// <summary>The event an audited step is told as, or null for steps a store need not hear of (notes, credit notes).</summary>
    public static string? Of(AuditKind kind) => kind switch
    {
        AuditKind.Requested => "cancellation.requested",
        AuditKind.Accepted => "cancellation.accepted",
        AuditKind.Rejected => "cancellation.rejected",
        AuditKind.Withdrawn => "cancellation.withdrawn",
        AuditKind.Canceled => "cancellation.canceled",
        AuditKind.Undone => "cancellation.undone",
        AuditKind.CardRefundSucceeded or AuditKind.BankTransferRecorded => "refund.succeeded",
        AuditKind.CardRefundFailed => "refund.failed",
        _ => null,
    };
}

/// <summary>An address of the store's that hears events, signed with its own secret (Standard Webhooks).</summary>
public sealed class WebhookEndpoint
{
    private WebhookEndpoint()
    {
    }

    public Guid Id { get; private set; }
    public string Url { get; private set; } = "";

    /// <summary>The events it hears, separated by spaces.</summary>
    public string Events { get; private set; } = "";

    /// <summary>"whsec_" and the base64 key the signatures are made with; the store verifies with it.</summary>
    public string Secret { get; private set; } = "";

    public bool IsActive { get; private set; }
    public int ConsecutiveFailures { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }

    public IReadOnlyList<string> EventList => Events.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookEndpoint Register(Uri url, IEnumerable<string> events, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new WebhookEndpoint
        {
            Id = Guid.NewGuid(),
            Url = url.ToString(),
            Events = string.Join(' ', events.Where(WebhookEvents.All.Contains).Distinct(StringComparer.Ordinal)),
            Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            IsActive = true,
            CreatedAt = now,
        };
    }

    public bool Hears(string eventType) => IsActive && EventList.Contains(eventType, StringComparer.Ordinal);

    public void Succeeded() => ConsecutiveFailures = 0;

    /// <returns>True when this failure disabled the endpoint.</returns>
    public bool Failed(int disableAfter, DateTimeOffset now)
    {
        ConsecutiveFailures++;
        if (!IsActive || ConsecutiveFailures < disableAfter)
        {
            return false;
        }

        IsActive = false;
        DisabledAt = now;
        return true;
    }

    public void Enable()
    {
        IsActive = true;
        ConsecutiveFailures = 0;
        DisabledAt = null;
    }

    public void Disable(DateTimeOffset now)
    {
        IsActive = false;
        DisabledAt = now;
    }
}

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>
/// One event for one endpoint. The row is the webhook's outbox: it is written in the same transaction as the change
/// it tells of, and its id is the webhook-id the store de-duplicates on, the same on every attempt.
/// </summary>
public sealed class WebhookDelivery
{
    /// <summary>Waits between attempts (Standard Webhooks' schedule, stretched to about three days), then it fails.</summary>
    public static readonly IReadOnlyList<TimeSpan> RetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(20),
    ];

    private WebhookDelivery()
    {
    }

    public Guid Id { get; private set; }
    public Guid EndpointId { get; private set; }
    public string EventType { get; private set; } = "";
    public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? LockedUntil { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }
    public int? LastResponseCode { get; private set; }
    public string? LastError { get; private set; }

    public string MessageId => $"msg_{Id:N}";

    public static WebhookDelivery Create(Guid endpointId, string eventType, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        EndpointId = endpointId,
        EventType = eventType,
        Payload = payload,
        CreatedAt = now,
        Status = WebhookDeliveryStatus.Pending,
        NextAttemptAt = now,
    };

    public void Delivered(int responseCode, DateTimeOffset now)
    {
        Attempts++;
        Status = WebhookDeliveryStatus.Succeeded;
        LastResponseCode = responseCode;
        LastError = null;
        DeliveredAt = now;
        LockedUntil = null;
    }

    public void AttemptFailed(int? responseCode, string error, DateTimeOffset now)
    {
        Attempts++;
        LastResponseCode = responseCode;
        LastError = error.Length > 500 ? error[..500] : error;
        LockedUntil = null;
        if (Attempts > RetryDelays.Count)
        {
            Status = WebhookDeliveryStatus.Failed;
            return;
        }

        NextAttemptAt = now + RetryDelays[Attempts - 1];
    }

    /// <summary>An admin sends it again now, with the same id, whatever happened before.</summary>
    public void Resend(DateTimeOffset now)
    {
        Status = WebhookDeliveryStatus.Pending;
        NextAttemptAt = now;
        LockedUntil = null;
    }

    /// <summary>The endpoint will not hear it: it was disabled or removed before the event went out.</summary>
    public void Abandon(string why)
    {
        Status = WebhookDeliveryStatus.Failed;
        LastError = why;
        LockedUntil = null;
    }
}
