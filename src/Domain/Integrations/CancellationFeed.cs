using System.Text;
using System.Text.Json;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

/// <summary>A cancellation request as the API shows it. Status and reason are the API's stable names.</summary>
public sealed record CancellationRequestView(
    Guid Id,
    string? OrderExternalId,
    string OrderNumber,
    string Status,
    string? Reason,
    string? Comment,
    string Source,
    DateTimeOffset RequestedAt,
    DateTimeOffset UpdatedAt,
    long Version);

public sealed record CancellationRequestPage(IReadOnlyList<CancellationRequestView> Items, string? NextCursor);

/// <summary>
/// Cancellation requests in the order they last changed, for a shop platform catching up. Pages follow a cursor
/// (the last change time and the ids already given at that time), so rows changing meanwhile are neither skipped
/// nor repeated the way offset paging would.
/// </summary>
public sealed class CancellationFeed(AppDbContext db)
{
    public const int MaxPageSize = 100;

    public Task<CancellationRequestView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Project(db.CancellationRequests.Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<CancellationRequestPage> PageAsync(CancellationStatus? status, DateTimeOffset? updatedSince, Cursor? after, int size, CancellationToken cancellationToken)
    {
        var query = db.CancellationRequests.AsQueryable();
        if (status is { } wanted)
        {
            query = query.Where(r => r.Status == wanted);
        }

        if (updatedSince is { } since)
        {
            query = query.Where(r => r.LastChangedAt >= since);
        }

        if (after is not null)
        {
            query = query.Where(r => r.LastChangedAt > after.At || (r.LastChangedAt == after.At && !after.Seen.Contains(r.Id)));
        }

        var items = await Project(query.OrderBy(r => r.LastChangedAt).ThenBy(r => r.Id)).Take(size + 1).ToListAsync(cancellationToken);
        if (items.Count <= size)
        {
            return new CancellationRequestPage(items, null);
        }

        items.RemoveAt(size);
        var last = items[^1].UpdatedAt;
        var seen = items.Where(i => i.UpdatedAt == last).Select(i => i.Id);
        if (after is not null && after.At == last)
        {
            seen = after.Seen.Concat(seen);
        }

        return new CancellationRequestPage(items, new Cursor(last, [.. seen]).Encode());
    }

    private IQueryable<CancellationRequestView> Project(IQueryable<CancellationRequest> requests) =>
        requests.AsNoTracking().Select(r => new CancellationRequestView(
            r.Id,
            db.Set<ExternalOrder>().Where(e => e.OrderId == r.OrderId).Select(e => e.ExternalId).FirstOrDefault(),
            r.Order.Number,
            r.Status.ToString(),
            r.ShopperReason == null ? null : r.ShopperReason.ToString(),
            r.Comment,
            r.Source,
            r.RequestedAt,
            r.LastChangedAt,
            r.Version));

    /// <summary>Where a page ended: opaque to callers, who pass it back as it is.</summary>
    public sealed record Cursor(DateTimeOffset At, Guid[] Seen)
    {
        public string Encode() =>
            Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static Cursor? Decode(string text)
        {
            ArgumentNullException.ThrowIfNull(text);
            try
            {
                var base64 = text.Replace('-', '+').Replace('_', '/');
                base64 += new string('=', (4 - (base64.Length % 4)) % 4);
                return JsonSerializer.Deserialize<Cursor>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                return null;
            }
        }
    }
}
