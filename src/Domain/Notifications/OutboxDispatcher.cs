using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
    public int BatchSize { get; set; } = 20;
    /// <summary>With the default delays (30 s doubling, at most an hour apart) twelve attempts span about six hours of outage.</summary>
    public int MaxAttempts { get; set; } = 12;
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one dispatcher owns a claimed message before another instance may take it over.</summary>
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Run the dispatcher in this process. Turn it off in tests that deliver by hand.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Delivers due outbox messages: claim, send, record the outcome. Each message stands alone.</summary>
public sealed partial class OutboxProcessor(
    AppDbContext db,
    IEmailSender emailSender,
    EmailBrandSource brands,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxProcessor> logger) : IPeriodicWork
{
    /// <returns>How many messages were attempted.</returns>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var candidates = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var attempted = 0;
        EmailBrand? brand = null;
        foreach (var id in candidates)
        {
            // Claim with a conditional update: when several instances race, exactly one gets the row.
            var lockedUntil = now + settings.ClaimTimeout;
            var claimed = await db.Outbox
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, lockedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var message = await db.Outbox.SingleAsync(m => m.Id == id, cancellationToken);
            attempted++;
            try
            {
                brand ??= await brands.CurrentAsync(cancellationToken);
                var providerId = await SendAsync(message, brand, cancellationToken);
                message.MarkSent(clock.GetUtcNow(), providerId);
                LogSent(message.Id, message.Kind, message.Topic);
            }
            catch (EmailNotSentException ex) when (ex.Permanent)
            {
                message.MarkRefused(ex.Message, clock.GetUtcNow());
                LogRefused(message.Id, message.Kind, ex.Message);
            }
            catch (EmailNotSentException ex)
            {
                message.MarkAttemptFailed(ex.Message, clock.GetUtcNow(), settings.MaxAttempts, settings.BaseRetryDelay, ex.RetryAfter);
                LogFailed(ex, message.Id, message.Kind, message.Attempts, message.Status);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                message.MarkAttemptFailed(ex.Message, clock.GetUtcNow(), settings.MaxAttempts, settings.BaseRetryDelay);
                LogFailed(ex, message.Id, message.Kind, message.Attempts, message.Status);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    Task IPeriodicWork.RunOnceAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    private Task<string?> SendAsync(OutboxMessage message, EmailBrand brand, CancellationToken cancellationToken) => message.Kind switch
    {
        EmailMessage.OutboxKind => emailSender.SendAsync(Outgoing(message.Id, EmailMessage.FromJson(message.Payload), brand), cancellationToken),
        _ => throw new InvalidOperationException($"No sender for outbox messages of kind '{message.Kind}'."),
    };

    /// <summary>The email as it leaves: the template's text in the store's current layout, under the outbox row's id.</summary>
    private static OutgoingEmail Outgoing(Guid id, EmailMessage email, EmailBrand brand)
    {
        ArgumentNullException.ThrowIfNull(email);
        var rendered = EmailLayout.Render(email, brand);
        return new OutgoingEmail(id, email.To, email.ToName, rendered.Subject, rendered.Text, rendered.Html, email.Template);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Kind}, {Topic}) delivered")]
    private partial void LogSent(Guid messageId, string kind, string? topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) was refused for good: {Reason}")]
    private partial void LogRefused(Guid messageId, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} ({Kind}) failed on attempt {Attempts}; now {Status}")]
    private partial void LogFailed(Exception exception, Guid messageId, string kind, int attempts, OutboxStatus status);
}

/// <summary>The background job that runs <see cref="OutboxProcessor"/> on a timer.</summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger) : PeriodicJob<OutboxProcessor>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override bool Enabled => options.Value.Enabled;
}
