using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Queue;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Settings;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Reports;

/// <summary>The moment a report is read and the zone its days are in.</summary>
public sealed record ReportClock(TimeZoneInfo Zone, DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Zone).DateTime);
}

/// <summary>
/// Reads a report straight from the refunds, requests and orders of a period. Each statement groups in the
/// database and returns a few hundred rows at most, so the page costs the same handful of statements whether
/// the store has a thousand refunds or millions; the figures are then arranged in memory.
/// </summary>
public sealed class RefundReports(AppDbContext db, CancellationQueue queue, StoreTimeZone zones, TimeProvider clock)
{
    private const string JoinRequest = " JOIN \"CancellationRequests\" cr ON cr.\"Id\" = rf.\"RequestId\"";
    private const string JoinOrderOfRefund = " JOIN \"Orders\" o ON o.\"Id\" = rf.\"OrderId\"";
    private const string JoinOrderOfRequest = " JOIN \"Orders\" o ON o.\"Id\" = cr.\"OrderId\"";
    // What a decided request keeps of the payment (null before a decision); the same rule as CancellationDecision.Kept.
    private const string KeptAmount = "(CASE WHEN o.\"PaymentMethod\" IN ('Points', 'StoreCredit') THEN 0 ELSE o.\"AmountPaid\" END - cr.\"DecisionRefundAmount\")";

    /// <summary>Now, and the store's time zone the report's days are counted in.</summary>
    public async Task<ReportClock> ClockAsync(CancellationToken cancellationToken) =>
        new(await zones.GetAsync(db, cancellationToken), clock.GetUtcNow());

    public async Task<ReportView> ReadAsync(ReportQuery query, ReportClock at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(at);
        var (zone, now) = (at.Zone, at.Now);
        var (from, to) = (query.FromUtc(zone), query.ToUtc(zone));

        var money = await QueryAsync<MoneyRow>(sql => $"""
            SELECT rf."Currency" AS "Currency", rf."Method" AS "MethodName", rf."Status" AS "StatusName", cr."DecisionReason" AS "ReasonName",
                   COUNT(*) AS "Count", {sql.SumUnits("rf.\"Amount\"")} AS "Units"
            FROM {RefundsFrom(query, withRequest: true)} {RefundsWhere(sql, query, from, to)}
            GROUP BY rf."Currency", rf."Method", rf."Status", cr."DecisionReason"
            """, cancellationToken);

        var days = await QueryAsync<DayRow>(sql => $"""
            SELECT {sql.DayNumber("rf.\"CreatedAt\"", zone, from, to)} AS "Day", rf."Currency" AS "Currency", rf."Method" AS "MethodName",
                   {sql.SumUnits("rf.\"Amount\"")} AS "Units"
            FROM {RefundsFrom(query, withRequest: false)} {RefundsWhere(sql, query, from, to).And("rf.\"Status\" = 'Succeeded'")}
            GROUP BY 1, 2, 3
            """, cancellationToken);

        var requests = await QueryAsync<RequestRow>(sql => $"""
            SELECT o."Currency" AS "Currency", cr."Status" AS "StatusName", cr."RequestedByKind" AS "AskedByName", cr."ShopperReason" AS "ShopperReasonName",
                   cr."DecisionReason" AS "ReasonName", COUNT(*) AS "Count",
                   SUM(CASE WHEN o."IsDisputed" THEN 1 ELSE 0 END) AS "Disputed",
                   SUM(CASE WHEN {KeptAmount} > 0 THEN 1 ELSE 0 END) AS "KeptCount",
                   {sql.SumUnits($"CASE WHEN {KeptAmount} > 0 THEN {KeptAmount} ELSE 0 END")} AS "KeptUnits"
            FROM "CancellationRequests" cr{JoinOrderOfRequest} {RequestsWhere(sql, query, from, to)}
            GROUP BY o."Currency", cr."Status", cr."RequestedByKind", cr."ShopperReason", cr."DecisionReason"
            """, cancellationToken);

        var kept = await QueryAsync<KeptRow>(sql => $"""
            SELECT o."Currency" AS "Currency", cr."DecisionKeptReason" AS "Reason", COUNT(*) AS "Count", {sql.SumUnits(KeptAmount)} AS "Units"
            FROM "CancellationRequests" cr{JoinOrderOfRequest} {RequestsWhere(sql, query, from, to).And($"{KeptAmount} > 0")}
            GROUP BY o."Currency", cr."DecisionKeptReason"
            ORDER BY 4 DESC, 2
            LIMIT {MaxKeptReasons}
            """, cancellationToken);

        var ordersPlaced = await QueryAsync<CountRow>(sql => $"""
            SELECT COUNT(*) AS "Count" FROM "Orders" o
            {new ReportWhere(sql).Between("o.\"PlacedAt\"", from, to).Equal("o.\"Currency\"", query.Currency).Equal("o.\"PaymentMethod\"", query.Payment)}
            """, cancellationToken);

        // Decided = accepted, or rejected (a rejection's time is when the request closed).
        var durations = await QueryAsync<DurationRow>(sql => $"""
            SELECT 'decision' AS "Measure", {sql.Minutes("COALESCE(cr.\"AcceptedAt\", cr.\"ClosedAt\")", "cr.\"RequestedAt\"")} AS "Minutes", COUNT(*) AS "Count"
            FROM {RequestsFrom(query)} {RequestsWhere(sql, query, from, to).And("(cr.\"AcceptedAt\" IS NOT NULL OR cr.\"Status\" = 'Rejected')")}
            GROUP BY 2
            UNION ALL
            SELECT 'canceled' AS "Measure", {sql.Minutes("cr.\"ClosedAt\"", "cr.\"RequestedAt\"")} AS "Minutes", COUNT(*) AS "Count"
            FROM {RequestsFrom(query)} {RequestsWhere(sql, query, from, to).And("cr.\"Status\" = 'Canceled'")}
            GROUP BY 2
            """, cancellationToken);

        var staff = await QueryAsync<StaffRow>(sql => $"""
            SELECT cr."AssignedToName" AS "Staff",
                   CASE WHEN cr."Status" = 'Canceled' THEN {sql.Minutes("cr.\"ClosedAt\"", "cr.\"RequestedAt\"")} END AS "Minutes", COUNT(*) AS "Count"
            FROM {RequestsFrom(query)} {RequestsWhere(sql, query, from, to).And("cr.\"AssignedToName\" IS NOT NULL")}
            GROUP BY 1, 2
            """, cancellationToken);

        var overdue = (await queue.CountAsync([Dashboard.QueryOf(DashboardTile.Overdue)], now, cancellationToken))[0];
        return ReportView.Build(query, zone, money, days, requests, kept, ordersPlaced.Single().Count, durations, staff, overdue);
    }

    /// <summary>Kept amounts are listed by the reason staff wrote, largest first; beyond this many the rest are left out.</summary>
    public const int MaxKeptReasons = 20;

    // Each statement joins only the rows its columns and filters need: a join is a lookup per refund or request.
    private static string RefundsFrom(ReportQuery query, bool withRequest) =>
        "\"Refunds\" rf"
        + (withRequest || query.Reason is not null || query.AskedBy is not null ? JoinRequest : "")
        + (query.Payment is not null ? JoinOrderOfRefund : "");

    private static string RequestsFrom(ReportQuery query) =>
        "\"CancellationRequests\" cr" + (query.Currency is not null || query.Payment is not null ? JoinOrderOfRequest : "");

    private static ReportWhere RefundsWhere(ReportSql sql, ReportQuery query, DateTimeOffset from, DateTimeOffset to) =>
        new ReportWhere(sql).Between("rf.\"CreatedAt\"", from, to)
            .Equal("rf.\"Currency\"", query.Currency)
            .Equal("rf.\"Method\"", query.Method)
            .Equal("cr.\"DecisionReason\"", query.Reason)
            .Equal("cr.\"RequestedByKind\"", query.AskedBy)
            .Equal("o.\"PaymentMethod\"", query.Payment);

    private static ReportWhere RequestsWhere(ReportSql sql, ReportQuery query, DateTimeOffset from, DateTimeOffset to) =>
        new ReportWhere(sql).Between("cr.\"RequestedAt\"", from, to)
            .Equal("o.\"Currency\"", query.Currency)
            .Equal("cr.\"DecisionRefundMethod\"", query.Method)
            .Equal("cr.\"DecisionReason\"", query.Reason)
            .Equal("cr.\"RequestedByKind\"", query.AskedBy)
            .Equal("o.\"PaymentMethod\"", query.Payment);

    private async Task<List<T>> QueryAsync<T>(Func<ReportSql, string> statement, CancellationToken cancellationToken)
    {
        var sql = new ReportSql(db);
        var text = statement(sql);
        return await db.Database.SqlQueryRaw<T>(text, [.. sql.Parameters]).ToListAsync(cancellationToken);
    }
}

#pragma warning disable CA1812 // Created by EF Core from each statement's rows.
// Enums come back as the text they are stored as (raw statements skip the model's conversions), read by name here.
internal sealed class MoneyRow
{
    public string Currency { get; init; } = "";
    public string MethodName { get; init; } = "";
    public string StatusName { get; init; } = "";
    public string? ReasonName { get; init; }
    public RefundMethod Method => Enum.Parse<RefundMethod>(MethodName);
    public RefundStatus Status => Enum.Parse<RefundStatus>(StatusName);
    public DecisionReason? Reason => ReasonName is null ? null : Enum.Parse<DecisionReason>(ReasonName);
    public long Count { get; init; }
    public long Units { get; init; }
}

internal sealed class DayRow
{
    public long Day { get; init; }
    public string Currency { get; init; } = "";
    public string MethodName { get; init; } = "";
    public RefundMethod Method => Enum.Parse<RefundMethod>(MethodName);
    public long Units { get; init; }
}

internal sealed class RequestRow
{
    public string Currency { get; init; } = "";
    public string StatusName { get; init; } = "";
    public string AskedByName { get; init; } = "";
    public string? ShopperReasonName { get; init; }
    public string? ReasonName { get; init; }
    public CancellationStatus Status => Enum.Parse<CancellationStatus>(StatusName);
    public ActorKind AskedBy => Enum.Parse<ActorKind>(AskedByName);
    public ShopperReason? ShopperReason => ShopperReasonName is null ? null : Enum.Parse<ShopperReason>(ShopperReasonName);
    public DecisionReason? Reason => ReasonName is null ? null : Enum.Parse<DecisionReason>(ReasonName);
    public long Count { get; init; }
    public long Disputed { get; init; }
    public long KeptCount { get; init; }
    public long KeptUnits { get; init; }
}

internal sealed class KeptRow
{
    public string Currency { get; init; } = "";
    public string Reason { get; init; } = "";
    public long Count { get; init; }
    public long Units { get; init; }
}

internal sealed class CountRow
{
    public long Count { get; init; }
}

internal sealed class DurationRow
{
    public string Measure { get; init; } = "";
    public long Minutes { get; init; }
    public long Count { get; init; }
}

internal sealed class StaffRow
{
    public string Staff { get; init; } = "";
    public long? Minutes { get; init; }
    public long Count { get; init; }
}
#pragma warning restore CA1812
