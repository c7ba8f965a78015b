using System.Collections.Concurrent;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Integrations;

public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Calls one key may make per minute before it is told to wait.</summary>
    public int PermitsPerMinute { get; set; } = 300;
}

/// <summary>Finds the live key a token belongs to, and notes when it was last used.</summary>
public sealed class ApiKeys(AppDbContext db, TimeProvider clock)
{
    public async Task<ApiKey?> FindLiveAsync(string token, CancellationToken cancellationToken)
    {
        if (ApiKey.PrefixOf(token) is not { } prefix)
        {
            return null;
        }

        var key = await db.Set<ApiKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return key is not null && !key.IsRevoked && key.Matches(token) ? key : null;
    }

    public Task MarkUsedAsync(ApiKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = clock.GetUtcNow();
        return db.Set<ApiKey>().Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
    }
}

/// <summary>
/// A fixed one-minute window of calls per key, in this process. A shop platform stuck in a loop slows down
/// instead of crowding out staff; several instances each allow the limit.
/// </summary>
public sealed class ApiRateLimiter(TimeProvider clock, IOptions<ApiOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, (DateTimeOffset Start, int Count)> _windows = new();

    /// <returns>Null when the call may go ahead, otherwise how long to wait.</returns>
    public TimeSpan? WaitBefore(Guid keyId)
    {
        var now = clock.GetUtcNow();
        var window = _windows.AddOrUpdate(
            keyId,
            _ => (now, 1),
            (_, current) => now - current.Start >= Window ? (now, 1) : (current.Start, current.Count + 1));
        return window.Count <= options.Value.PermitsPerMinute ? null : window.Start + Window - now;
    }
}
