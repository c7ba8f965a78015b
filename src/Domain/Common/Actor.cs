namespace CancellationPortal.Domain.Common;

public enum ActorKind
{
    Shopper,
    Staff,
    System,
}

/// <summary>Who did something: recorded on every audit entry and on the request itself.</summary>
public sealed record Actor(ActorKind Kind, string Id, string Name)
{
    public static readonly Actor System = new(ActorKind.System, "system", "System");

    public static Actor Shopper(string id, string name) => new(ActorKind.Shopper, id, name);
    public static Actor Staff(string id, string name) => new(ActorKind.Staff, id, name);
}
