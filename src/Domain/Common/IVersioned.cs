namespace CancellationPortal.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency, under one rule: the version moves with every change of the
/// aggregate. Every state-changing method of the aggregate calls its private <c>Touched()</c>, which moves
/// <see cref="Version"/>, and EF checks the old value in the UPDATE, so two writers on one aggregate cannot
/// both win, even when each only added a part (a decision, an audit step) in the same clock tick.
/// A plain column works the same on SQLite and PostgreSQL.
/// </summary>
public interface IVersioned
{
    long Version { get; }
}
