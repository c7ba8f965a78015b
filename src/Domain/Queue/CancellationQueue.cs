using System.Globalization;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Queue;

public enum QueueAge
{
    Any,
    Under24Hours,
    Over24Hours,
    Overdue,
}

/// <summary>Something wrong with the request's money or order, whatever its status.</summary>
public enum QueueFlag
{
    RefundFailed,

    /// <summary>A refund still waiting for its provider or a bank transfer more than a day after it was issued.</summary>
    RefundPendingOverADay,
    Disputed,

    /// <summary>The shopper asked to keep a canceled order: staff decide on the undo.</summary>
    UndoAsked,
    /// <summary>An email to the shopper about the order failed, bounced or was dropped, and nobody sent it again.</summary>
    ShopperMissedEmail,
}

/// <summary>
/// Where the next page starts: the last row's time (a request's RequestedAt, an order's PlacedAt) and Id, so
/// paging never uses OFFSET.
/// </summary>
public readonly record struct QueueCursor(DateTimeOffset At, Guid Id)
{
    public string ToToken() => string.Create(CultureInfo.InvariantCulture, $"{At.UtcTicks}_{Id:N}");

    public static QueueCursor? Parse(string? token)
    {
        var parts = token?.Split('_');
        return parts is [var ticks, var id]
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var utcTicks)
            && utcTicks >= DateTimeOffset.MinValue.UtcTicks && utcTicks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(id, "N", out var guid)
                ? new QueueCursor(new DateTimeOffset(utcTicks, TimeSpan.Zero), guid)
                : null;
    }

    /// <summary>A page's size as asked, kept between one row and 200.</summary>
    public static int PageSizeOf(int asked) => Math.Clamp(asked, 1, 200);

    /// <summary>
    /// Rows are read one beyond the page: when that extra row came back, it goes and the page's last row is
    /// where the next page starts; otherwise this is the last page.
    /// </summary>
    public static QueueCursor? TrimToPage<T>(List<T> rows, int size, Func<T, QueueCursor> cursorOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cursorOf);
        if (rows.Count <= size)
        {
            return null;
        }

        rows.RemoveAt(size);
        return cursorOf(rows[^1]);
    }
}

/// <param name="Status">The tab; null for every status at once (what a search shows first).</param>
public sealed record QueueQuery(
    CancellationStatus? Status = CancellationStatus.Requested,
    string? Search = null,
    ActorKind? Source = null,
    QueueAge Age = QueueAge.Any,
    string? AssignedToId = null,
    QueueCursor? After = null,
    int PageSize = CancellationQueue.DefaultPageSize,
    QueueFlag? Flag = null);

public sealed record QueueRow(
    Guid Id,
    CancellationStatus Status,
    string OrderNumber,
    string CustomerName,
    string CustomerEmail,
    decimal Amount,
    string Currency,
    ShopperReason? Reason,
    DateTimeOffset RequestedAt,
    ActorKind RequestedByKind,
    string? AssignedToName,
    bool HasFailedRefund,
    bool IsDisputed,
    bool IsDropShip,
    bool ShopperMissedEmail,
    decimal RepaymentDue = 0m,
    DateTimeOffset? UndoStartedAt = null,
    bool UndoAsked = false)
{
    public Money AmountMoney => new(Amount, Currency);

    /// <summary>What the shopper still owes on an undo awaiting repayment.</summary>
    public Money RepaymentDueMoney => new(RepaymentDue, Currency);

    /// <summary>What staff should notice about the row, in words; a problem needs someone, the rest is for information.</summary>
    public IEnumerable<(string Text, bool IsProblem)> Flags()
    {
        if (HasFailedRefund)
        {
            yield return ("Refund failed", true);
        }

        if (IsDisputed)
        {
            yield return ("Disputed", true);
        }

        if (ShopperMissedEmail)
        {
            yield return ("Shopper did not get the email", true);
        }

        if (Status == CancellationStatus.AwaitingRepayment)
        {
            yield return ("Awaiting repayment", false);
        }

        if (UndoAsked && Status == CancellationStatus.Canceled)
        {
            yield return ("Shopper asks to keep the order", true);
        }

        if (IsDropShip)
        {
            yield return ("Drop-ship", false);
        }
    }
}

/// <param name="RepaymentOverdueAfterDays">An undo waiting longer than this for the shopper's repayment is overdue.</param>
public sealed record QueuePage(
    IReadOnlyList<QueueRow> Rows,
    IReadOnlyDictionary<CancellationStatus, int> Counts,
    QueueCursor? Next,
    int OverdueAfterHours,
    int RepaymentOverdueAfterDays = Settings.StoreSettings.DefaultRepaymentOverdueAfterDays);

/// <summary>
/// The back-office queue: one status tab at a time (or every status, for a search), oldest first, with counts per tab. It runs three
/// statements whatever the page: the overdue setting, the tab counts (capped), and the page itself, which
/// walks the (Status, RequestedAt, Id) index from the cursor.
/// </summary>
public sealed class CancellationQueue(AppDbContext db)
{
    public const int DefaultPageSize = 25;

    /// <summary>Tab counts above this show as "1000+".</summary>
    public const int CountCap = 1000;

    public static readonly CancellationStatus[] Tabs =
    [
        CancellationStatus.Requested, CancellationStatus.InProgress, CancellationStatus.AwaitingRepayment,
        CancellationStatus.Canceled, CancellationStatus.Rejected, CancellationStatus.Withdrawn,
    ];

    public async Task<QueuePage> ReadAsync(QueueQuery query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var settings = await db.StoreSettings.AsNoTracking().Select(s => new { s.OverdueAfterHours, s.RepaymentOverdueAfterDays }).SingleAsync(cancellationToken);
        var overdueAfterHours = settings.OverdueAfterHours;
        var filtered = Filter(query, now, overdueAfterHours);

        // Tab counts stop at CountCap, so counting costs the same at ten thousand requests as at ten million.
        // Each walks its tab in index order: a row limit without an order would count an arbitrary thousand.
        IQueryable<CancellationRequest> Capped(CancellationStatus status) => filtered
            .Where(r => r.Status == status)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Take(CountCap + 1);
        var (requested, inProgress, awaiting) = (Capped(CancellationStatus.Requested), Capped(CancellationStatus.InProgress), Capped(CancellationStatus.AwaitingRepayment));
        var (canceled, rejected, withdrawn) = (Capped(CancellationStatus.Canceled), Capped(CancellationStatus.Rejected), Capped(CancellationStatus.Withdrawn));
        var counts = await db.StoreSettings.AsNoTracking()
            .Select(_ => new[] { requested.Count(), inProgress.Count(), awaiting.Count(), canceled.Count(), rejected.Count(), withdrawn.Count() })
            .SingleAsync(cancellationToken);

        var page = query.Status is { } status ? filtered.Where(r => r.Status == status) : filtered;
        if (query.After is { } after)
        {
            // The redundant lower bound lets the database seek in the index instead of scanning the tab.
            page = page.Where(r => r.RequestedAt >= after.At
                && (r.RequestedAt > after.At || r.Id.CompareTo(after.Id) > 0));
        }

        var size = QueueCursor.PageSizeOf(query.PageSize);
        var missedEmails = ShopperMissedEmails();
        var rows = await page
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Take(size + 1)
            .Select(r => new QueueRow(
                r.Id,
                r.Status,
                r.Order.Number,
                r.Order.CustomerName,
                r.Order.CustomerEmail,
                r.Order.AmountPaid,
                r.Order.Currency,
                r.ShopperReason,
                r.RequestedAt,
                r.RequestedByKind,
                r.AssignedToName,
                r.HasFailedRefund,
                r.Order.IsDisputed,
                r.Order.SupplierStatus != SupplierOrderStatus.None,
                missedEmails.Contains(r.Order.Number),
                r.AmountDue - (db.Repayments.Where(p => p.RequestId == r.Id && p.Status == RepaymentStatus.Received).Sum(p => (decimal?)p.Amount) ?? 0m),
                r.UndoStartedAt,
                r.UndoAskedAt != null))
            .ToListAsync(cancellationToken);

        var next = QueueCursor.TrimToPage(rows, size, r => new QueueCursor(r.RequestedAt, r.Id));

        var countsByTab = Tabs.Select((tab, i) => (tab, counts[i])).ToDictionary(t => t.tab, t => t.Item2);
        return new QueuePage(rows, countsByTab, next, overdueAfterHours, settings.RepaymentOverdueAfterDays);
    }

    /// <summary>
    /// How many requests each query finds in its status (or in every status), capped like the tabs: what the
    /// queue shows for the same query, so a count that links to the queue always matches it.
    /// </summary>
    public async Task<IReadOnlyList<int>> CountAsync(IReadOnlyList<QueueQuery> queries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var overdueAfterHours = await db.StoreSettings.AsNoTracking().Select(s => s.OverdueAfterHours).SingleAsync(cancellationToken);
        var counts = new List<int>(queries.Count);
        foreach (var query in queries)
        {
            var filtered = Filter(query, now, overdueAfterHours);
            counts.Add(await (query.Status is { } status ? filtered.Where(r => r.Status == status) : filtered)
                .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
                .Take(CountCap + 1)
                .CountAsync(cancellationToken));
        }

        return counts;
    }

    public static string CountText(int count) =>
        count > CountCap ? $"{CountCap}+" : count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Only requests that wait on staff can be overdue: closed ones are done, and an undo awaiting repayment
    /// waits on the shopper.
    /// </summary>
    public static readonly CancellationStatus[] CanBeOverdue = [CancellationStatus.Requested, CancellationStatus.InProgress];

    public static bool IsOverdue(QueueRow row, DateTimeOffset now, int overdueAfterHours)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CanBeOverdue.Contains(row.Status) && now - row.RequestedAt > TimeSpan.FromHours(overdueAfterHours);
    }

    /// <summary>An undo waiting longer than the store allows for the shopper's repayment: the shopper is reminded.</summary>
    public static bool IsRepaymentOverdue(QueueRow row, DateTimeOffset now, int overdueAfterDays)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row is { Status: CancellationStatus.AwaitingRepayment, UndoStartedAt: { } started } && now - started > TimeSpan.FromDays(overdueAfterDays);
    }

    /// <summary>The orders with an email to their shopper that failed, bounced or was dropped, and was not sent again.</summary>
    private IQueryable<string?> ShopperMissedEmails() => db.Outbox
        .Where(m => m.ResentAt == null
            && (m.Status == OutboxStatus.Failed || m.Delivery == EmailDelivery.Bounced || m.Delivery == EmailDelivery.Dropped)
            && EmailLog.ShopperTemplates.Contains(m.Template))
        .Select(m => m.Topic);

    private IQueryable<CancellationRequest> Filter(QueueQuery query, DateTimeOffset now, int overdueAfterHours)
    {
        var requests = db.CancellationRequests.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var orderIds = db.Orders.Matching(query.Search).Select(o => o.Id);
            requests = requests.Where(r => orderIds.Contains(r.OrderId));
        }

        if (query.Flag is { } flag)
        {
            var pendingSince = now.AddDays(-1);
            requests = flag switch
            {
                QueueFlag.RefundFailed => requests.Where(r => r.HasFailedRefund),
                QueueFlag.Disputed => requests.Where(r => r.Order.IsDisputed),
                QueueFlag.UndoAsked => requests.Where(r => r.UndoAskedAt != null && r.Status == CancellationStatus.Canceled),
                QueueFlag.ShopperMissedEmail => requests.Where(r => ShopperMissedEmails().Contains(r.Order.Number)),
                _ => requests.Where(r => db.Refunds.Any(f => f.RequestId == r.Id && f.Status == RefundStatus.Pending && f.CreatedAt < pendingSince)),
            };
        }

        if (query.Source is { } source)
        {
            requests = requests.Where(r => r.RequestedByKind == source);
        }

        if (!string.IsNullOrEmpty(query.AssignedToId))
        {
            requests = requests.Where(r => r.AssignedToId == query.AssignedToId);
        }

        var dayAgo = now.AddHours(-24);
        var overdueSince = now.AddHours(-overdueAfterHours);
        return query.Age switch
        {
            QueueAge.Under24Hours => requests.Where(r => r.RequestedAt > dayAgo),
            QueueAge.Over24Hours => requests.Where(r => r.RequestedAt <= dayAgo),
            QueueAge.Overdue => requests.Where(r => CanBeOverdue.Contains(r.Status) && r.RequestedAt < overdueSince),
            _ => requests,
        };
    }
}
