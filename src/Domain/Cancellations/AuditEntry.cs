using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>One step in a request's history: who, when, from which status to which, and why.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    internal AuditEntry(Guid requestId, Guid orderId, Actor actor, DateTimeOffset at, string action, CancellationStatus? from, CancellationStatus to, string? note)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        OrderId = orderId;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        At = at;
        Action = action;
        FromStatus = from;
        ToStatus = to;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid OrderId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public CancellationStatus? FromStatus { get; private set; }
    public CancellationStatus ToStatus { get; private set; }
    public string? Note { get; private set; }
}
