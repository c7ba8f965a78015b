using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Queue;

/// <summary>What a support lead checks first: each count is a queue query, so it links to exactly those requests.</summary>
public enum DashboardTile
{
    Waiting,
    Overdue,
    RefundsFailed,
    RefundsPendingOverADay,
    Disputes,
    AwaitingRepayment,
}

public sealed record DashboardCount(DashboardTile Tile, QueueQuery Query, int Count);

/// <summary>Requests that arrived and orders canceled since a moment (the start of today or of the week).</summary>
public sealed record Activity(int Requested, int Canceled);

public sealed record DashboardView(IReadOnlyList<DashboardCount> Counts, Activity Today, Activity ThisWeek);

public sealed class Dashboard(AppDbContext db, CancellationQueue queue)
{
    public static QueueQuery QueryOf(DashboardTile tile) => tile switch
    {
        DashboardTile.Waiting => new QueueQuery(CancellationStatus.Requested),
        DashboardTile.Overdue => new QueueQuery(Status: null, Age: QueueAge.Overdue),
        DashboardTile.RefundsFailed => new QueueQuery(Status: null, Flag: QueueFlag.RefundFailed),
        DashboardTile.RefundsPendingOverADay => new QueueQuery(Status: null, Flag: QueueFlag.RefundPendingOverADay),
        DashboardTile.Disputes => new QueueQuery(Status: null, Flag: QueueFlag.Disputed),
        _ => new QueueQuery(CancellationStatus.AwaitingRepayment),
    };

    /// <param name="now">Days and weeks start at midnight UTC, Monday for weeks: the store's time today.</param>
    public async Task<DashboardView> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var tiles = Enum.GetValues<DashboardTile>();
        var counts = await queue.CountAsync([.. tiles.Select(QueryOf)], now, cancellationToken);
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var weekStart = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return new DashboardView(
            [.. tiles.Select((tile, i) => new DashboardCount(tile, QueryOf(tile), counts[i]))],
            await ActivitySinceAsync(today, cancellationToken),
            await ActivitySinceAsync(weekStart, cancellationToken));
    }

    private async Task<Activity> ActivitySinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var requests = db.CancellationRequests.AsNoTracking();
        return new Activity(
            await requests.CountAsync(r => r.RequestedAt >= since, cancellationToken),
            await requests.CountAsync(r => r.Status == CancellationStatus.Canceled && r.ClosedAt >= since, cancellationToken));
    }
}
