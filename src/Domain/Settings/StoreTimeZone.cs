using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CancellationPortal.Domain.Settings;

/// <summary>
/// The store's time zone, read from the settings row and kept for a short while, since every back-office page
/// shows times in it. Saving the settings forgets it at once on this instance; other instances follow within
/// <see cref="KeptFor"/>.
/// </summary>
public sealed class StoreTimeZone(IMemoryCache cache)
{
    public const string Default = "UTC";
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(30);
    private static readonly object Key = new();

    /// <summary>Why an id is not a time zone the store can use, or null when it is one.</summary>
    public static string? Problem(string? id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "Choose the store's time zone, such as Europe/Berlin or UTC.";
        }

        // IANA ids only (Europe/Berlin): the same id then works on every server, whatever its operating system.
        return TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) && (zone.HasIanaId || zone.Id == Default)
            ? null
            : $"“{id.Trim()}” is not a time zone name. Use an IANA name such as Europe/Berlin, America/New_York or UTC.";
    }

    /// <summary>The zone of an id that passed <see cref="Problem"/>; UTC for anything else, so a bad row never breaks a page.</summary>
    public static TimeZoneInfo Find(string? id) =>
        Problem(id) is null ? TimeZoneInfo.FindSystemTimeZoneById(id!.Trim()) : TimeZoneInfo.Utc;

    public async Task<TimeZoneInfo> GetAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (cache.TryGetValue(Key, out TimeZoneInfo? zone) && zone is not null)
        {
            return zone;
        }

        var id = await db.StoreSettings.AsNoTracking().Select(s => s.TimeZone).SingleAsync(cancellationToken);
        return cache.Set(Key, Find(id), KeptFor);
    }

    public void Forget() => cache.Remove(Key);
}
