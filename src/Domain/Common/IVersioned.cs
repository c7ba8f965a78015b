namespace CancellationPortal.Domain.Common;

/// <summary>
/// An aggregate guarded by optimistic concurrency. The DbContext bumps <see cref="Version"/> on every
/// save, and EF checks the old value in the UPDATE, so two writers on one row cannot both win.
/// A plain column works the same on SQLite and PostgreSQL.
/// </summary>
public interface IVersioned
{
    long Version { get; }

    void BumpVersion();
}
