using Mediator;

namespace CancellationPortal.Domain.Common;

/// <summary>
/// Something that happened to an aggregate and that other parts react to (restock, ledgers, invoices, emails).
/// Raised by the aggregate's own methods; published by <see cref="Persistence.UnitOfWork"/> before the commit,
/// so the state and every effect are saved in one transaction or not at all.
/// </summary>
public interface IDomainEvent : INotification;

/// <summary>An aggregate that raises domain events.</summary>
public interface IHasDomainEvents
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
