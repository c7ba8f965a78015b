using CancellationPortal.Domain.Persistence;

namespace CancellationPortal.Domain.Notifications;

public static class OutboxExtensions
{
    /// <summary>Adds an email to the outbox; it is sent only if the surrounding SaveChanges commits.</summary>
    public static void EnqueueEmail(this AppDbContext db, EmailMessage email, string? topic, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        db.Outbox.Add(OutboxMessage.Create(EmailMessage.OutboxKind, email.ToJson(), topic, now, email.Template));
    }
}
