using CancellationPortal.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Persistence;

/// <summary>
/// Commits what a use case changed: first every domain event its aggregates raised is handled (the handlers add
/// their rows to the same DbContext), then one SaveChanges writes state, effects and outbox in one transaction.
/// </summary>
public sealed class UnitOfWork(AppDbContext db, IPublisher publisher)
{
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await PublishRaisedEventsAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Publishes events one at a time, in the order they were raised, each to all of its handlers before the next:
    /// an aggregate can rely on that (the shopper's email is raised after the completion whose invoices it names).
    /// A handler may make an aggregate raise more; they are published in the next round.
    /// </summary>
    private async Task PublishRaisedEventsAsync(CancellationToken cancellationToken)
    {
        while (Raised() is { Count: > 0 } events)
        {
            foreach (var domainEvent in events)
            {
                await publisher.Publish(domainEvent, cancellationToken);
            }
        }
    }

    private List<IDomainEvent> Raised()
    {
        var events = new List<IDomainEvent>();
        foreach (var entry in db.ChangeTracker.Entries<IHasDomainEvents>().ToList())
        {
            events.AddRange(entry.Entity.DomainEvents);
            entry.Entity.ClearDomainEvents();
        }

        return events;
    }
}
