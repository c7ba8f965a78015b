using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// One step in a request's history: who, when, from which status to which, and why. Steps of one request are
/// numbered in the order they happened (<see cref="Sequence"/>): several are often written in the same instant,
/// so time alone cannot order them.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    internal AuditEntry(Guid requestId, Guid orderId, long sequence, Actor actor, DateTimeOffset at, AuditKind kind, CancellationStatus? from, CancellationStatus to, string? note)
    {
        Id = Guid.NewGuid();
        RequestId = requestId;
        OrderId = orderId;
        Sequence = sequence;
        ActorKind = actor.Kind;
        ActorId = actor.Id;
        ActorName = actor.Name;
        At = at;
        Kind = kind;
        FromStatus = from;
        ToStatus = to;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid OrderId { get; private set; }

    /// <summary>The step's number within its request, from 1: timelines sort by it.</summary>
    public long Sequence { get; private set; }

    public DateTimeOffset At { get; private set; }
    public ActorKind ActorKind { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public AuditKind Kind { get; private set; }
    public CancellationStatus? FromStatus { get; private set; }
    public CancellationStatus ToStatus { get; private set; }
    public string? Note { get; private set; }
}
