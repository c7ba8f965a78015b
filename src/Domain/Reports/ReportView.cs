using System.Globalization;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Reports;

/// <summary>A bar of a chart: a label and one value per series (per refund method, for instance).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<decimal> Values);

/// <summary>What a chart draws: bars with stacked series, and the report table that holds the same numbers.</summary>
public sealed record ChartData(string Title, string Description, string XLabel, string YLabel, IReadOnlyList<string> Series, IReadOnlyList<ChartBar> Bars, ReportTable Table);

/// <summary>The report of one period: every table the page shows and the exports write, and the charts drawn from them.</summary>
public sealed record ReportView(ReportQuery Query, TimeZoneInfo Zone, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ChartData> Charts)
{
    private static readonly RefundMethod[] Methods = Enum.GetValues<RefundMethod>();

    // How long a request took to be canceled, in the buckets of the distribution chart.
    private static readonly (string Label, long UpToMinutes)[] DurationBuckets =
    [
        ("under 1 h", 60), ("1–4 h", 240), ("4–24 h", 1440), ("1–2 days", 2880), ("2–3 days", 4320), ("3–7 days", 10080), ("over 7 days", long.MaxValue),
    ];

    public ReportTable Table(string key) => Tables.Single(t => t.Key == key);

    public ReportTable? Find(string key) => Tables.FirstOrDefault(t => t.Key == key);

    internal static ReportView Build(
        ReportQuery query,
        TimeZoneInfo zone,
        IReadOnlyList<MoneyRow> money,
        IReadOnlyList<DayRow> days,
        IReadOnlyList<RequestRow> requests,
        IReadOnlyList<KeptRow> kept,
        long ordersPlaced,
        IReadOnlyList<DurationRow> durations,
        IReadOnlyList<StaffRow> staff,
        int overdue)
    {
        var daily = DailyTables(query, days);
        var canceledTimes = durations.Where(d => d.Measure == "canceled").ToList();
        List<ReportTable> tables =
        [
            Refunded(money, requests),
            ByMethod(money),
            ByReason(money),
            Kept(requests, kept),
            Cancellations(requests, ordersPlaced, overdue),
            Reasons(requests),
            AskedBy(requests),
            Speed(durations),
            Staff(staff),
            .. daily,
            Distribution(canceledTimes),
        ];
        List<ChartData> charts =
        [
            .. daily.Select(DailyChart),
            ReasonsChart(tables.Single(t => t.Key == "reasons")),
            DistributionChart(tables.Single(t => t.Key == "time-to-canceled")),
        ];
        return new ReportView(query, zone, tables, charts);
    }

    private static decimal Amount(long units) => units / ReportSql.AmountScale;

    private static ReportTable Refunded(IReadOnlyList<MoneyRow> money, IReadOnlyList<RequestRow> requests)
    {
        var currencies = money.Select(m => m.Currency).Union(requests.Where(r => r.Disputed > 0).Select(r => r.Currency)).Order(StringComparer.Ordinal);
        var rows = currencies.Select(currency =>
        {
            var of = money.Where(m => m.Currency == currency).ToList();
            var (count, units) = Total(of.Where(m => m.Status == RefundStatus.Succeeded));
            var failed = Total(of.Where(m => m.Status is RefundStatus.Failed or RefundStatus.Reversed));
            var pending = Total(of.Where(m => m.Status == RefundStatus.Pending));
            return (IReadOnlyList<ReportCell>)
            [
                ReportCell.Of(currency), ReportCell.Count(count), ReportCell.Amount(Amount(units), currency),
                count == 0 ? ReportCell.Of("—") : ReportCell.Amount(Math.Round(Amount(units) / count, Money.DecimalsOf(currency), MidpointRounding.AwayFromZero), currency),
                ReportCell.Count(failed.Count), ReportCell.Amount(Amount(failed.Units), currency),
                ReportCell.Count(pending.Count), ReportCell.Amount(Amount(pending.Units), currency),
                ReportCell.Count(requests.Where(r => r.Currency == currency).Sum(r => r.Disputed)),
            ];
        }).ToList();
        return new ReportTable("refunded", "Money refunded, per currency",
            ["Currency", "Refunds", "Refunded", "Average refund", "Failed refunds", "Failed amount", "Pending refunds", "Pending amount", "Orders in dispute"], rows);
    }

    private static ReportTable ByMethod(IReadOnlyList<MoneyRow> money) => new("by-method", "Refunded by method",
        ["Currency", "Method", "Refunds", "Refunded"],
        [.. money.Where(m => m.Status == RefundStatus.Succeeded)
            .GroupBy(m => (m.Currency, m.Method))
            .OrderBy(g => g.Key.Currency, StringComparer.Ordinal).ThenBy(g => g.Key.Method)
            .Select(g => Row(g.Key.Currency, MethodName(g.Key.Method), Total(g)))]);

    private static ReportTable ByReason(IReadOnlyList<MoneyRow> money) => new("by-reason", "Refunded by reason",
        ["Currency", "Reason", "Refunds", "Refunded"],
        [.. money.Where(m => m.Status == RefundStatus.Succeeded)
            .GroupBy(m => (m.Currency, m.Reason))
            .OrderBy(g => g.Key.Currency, StringComparer.Ordinal).ThenByDescending(g => g.Sum(m => m.Units))
            .Select(g => Row(g.Key.Currency, g.Key.Reason?.ToDisplay() ?? "No reason recorded", Total(g)))]);

    private static ReportTable Kept(IReadOnlyList<RequestRow> requests, IReadOnlyList<KeptRow> kept)
    {
        var totals = requests.Where(r => r.KeptCount > 0).GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(g.Key, "All partial refunds", (g.Sum(r => r.KeptCount), g.Sum(r => r.KeptUnits))));
        var reasons = kept.OrderBy(k => k.Currency, StringComparer.Ordinal).ThenByDescending(k => k.Units)
            .Select(k => Row(k.Currency, k.Reason, (k.Count, k.Units)));
        return new ReportTable("kept", "Kept by the store (partial refunds), with the reasons staff gave",
            ["Currency", "Reason kept", "Requests", "Kept"], [.. totals, .. reasons]);
    }

    private static ReportTable Cancellations(IReadOnlyList<RequestRow> requests, long ordersPlaced, int overdue)
    {
        long Of(params CancellationStatus[] statuses) => requests.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
        var canceled = Of(CancellationStatus.Canceled);
        return new ReportTable("cancellations", "Cancellations",
            ["Measure", "Value"],
            [
                [ReportCell.Of("Requested"), ReportCell.Count(requests.Sum(r => r.Count))],
                [ReportCell.Of("Canceled"), ReportCell.Count(canceled)],
                [ReportCell.Of("Rejected"), ReportCell.Count(Of(CancellationStatus.Rejected))],
                [ReportCell.Of("Withdrawn by the shopper"), ReportCell.Count(Of(CancellationStatus.Withdrawn))],
                [ReportCell.Of("Undone"), ReportCell.Count(Of(CancellationStatus.Undone, CancellationStatus.AwaitingRepayment))],
                [ReportCell.Of("Still open"), ReportCell.Count(Of(CancellationStatus.Requested, CancellationStatus.InProgress))],
                [ReportCell.Of("Orders placed"), ReportCell.Count(ordersPlaced)],
                [ReportCell.Of("Cancellation rate (canceled per order placed)"), ReportCell.Percent(ordersPlaced == 0 ? null : Math.Round(canceled * 100m / ordersPlaced, 1))],
                [ReportCell.Of("Overdue now (all periods)"), ReportCell.Count(overdue)],
            ]);
    }

    private static ReportTable Reasons(IReadOnlyList<RequestRow> requests)
    {
        var shoppers = requests.Where(r => r.ShopperReason is not null).GroupBy(r => r.ShopperReason!.Value)
            .Select(g => (Who: "Shopper", Reason: g.Key.ToDisplay(), Count: g.Sum(r => r.Count)));
        var staff = requests.Where(r => r.Reason is not null).GroupBy(r => r.Reason!.Value)
            .Select(g => (Who: "Staff", Reason: g.Key.ToDisplay(), Count: g.Sum(r => r.Count)));
        return new ReportTable("reasons", "Top reasons", ["Given by", "Reason", "Requests"],
            [.. shoppers.Concat(staff).OrderByDescending(r => r.Count).ThenBy(r => r.Who, StringComparer.Ordinal).ThenBy(r => r.Reason, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<ReportCell>)[ReportCell.Of(r.Who), ReportCell.Of(r.Reason), ReportCell.Count(r.Count)])]);
    }

    private static ReportTable AskedBy(IReadOnlyList<RequestRow> requests)
    {
        var total = requests.Sum(r => r.Count);
        return new ReportTable("asked-by", "Who asked", ["Asked by", "Requests", "Share"],
            [.. Enum.GetValues<ActorKind>().Select(kind =>
            {
                var count = requests.Where(r => r.AskedBy == kind).Sum(r => r.Count);
                return (IReadOnlyList<ReportCell>)[ReportCell.Of(AskerName(kind)), ReportCell.Count(count), ReportCell.Percent(total == 0 ? null : Math.Round(count * 100m / total, 1))];
            })]);
    }

    /// <summary>How the reports name who asked: the system's requests come from automation (courier scans, disputes).</summary>
    public static string AskerName(ActorKind kind) => kind switch
    {
        ActorKind.Shopper => "Shopper (portal)",
        ActorKind.Staff => "Staff",
        _ => "Automation",
    };

    private static ReportTable Speed(IReadOnlyList<DurationRow> durations) => new("speed", "Speed", ["Measure", "Requests", "Median", "90th percentile"],
        [
            SpeedRow("Request to decision (accepted or rejected)", durations.Where(d => d.Measure == "decision")),
            SpeedRow("Request to canceled", durations.Where(d => d.Measure == "canceled")),
        ]);

    private static IReadOnlyList<ReportCell> SpeedRow(string measure, IEnumerable<DurationRow> rows)
    {
        var histogram = rows.Select(r => (r.Minutes, r.Count)).ToList();
        return [ReportCell.Of(measure), ReportCell.Count(histogram.Sum(h => h.Count)), ReportCell.Minutes(Percentile(histogram, 0.5)), ReportCell.Minutes(Percentile(histogram, 0.9))];
    }

    private static ReportTable Staff(IReadOnlyList<StaffRow> staff) => new("staff", "Per staff member (requests they accepted)",
        ["Staff member", "Requests handled", "Canceled", "Median time to canceled"],
        [.. staff.GroupBy(s => s.Staff).OrderByDescending(g => g.Sum(s => s.Count)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var canceled = g.Where(s => s.Minutes is not null).Select(s => (s.Minutes!.Value, s.Count)).ToList();
            return (IReadOnlyList<ReportCell>)[ReportCell.Of(g.Key), ReportCell.Count(g.Sum(s => s.Count)), ReportCell.Count(canceled.Sum(c => c.Count)), ReportCell.Minutes(Percentile(canceled, 0.5))];
        })]);

    /// <summary>The nearest-rank percentile of a histogram of whole minutes, or null when it is empty.</summary>
    internal static long? Percentile(IReadOnlyList<(long Minutes, long Count)> histogram, double fraction)
    {
        var total = histogram.Sum(h => h.Count);
        if (total == 0)
        {
            return null;
        }

        var rank = (long)Math.Ceiling(fraction * total);
        var seen = 0L;
        foreach (var (minutes, count) in histogram.OrderBy(h => h.Minutes))
        {
            seen += count;
            if (seen >= rank)
            {
                return minutes;
            }
        }

        return histogram.Max(h => h.Minutes);
    }

    /// <summary>Refunded per day (per week beyond two months), one table per currency, its methods side by side.</summary>
    private static List<ReportTable> DailyTables(ReportQuery query, IReadOnlyList<DayRow> days)
    {
        var weekly = query.To.DayNumber - query.From.DayNumber > 62;
        DateOnly Bucket(DateOnly day) => weekly ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
        var buckets = new List<DateOnly>();
        for (var day = Bucket(query.From); day <= query.To; day = day.AddDays(weekly ? 7 : 1))
        {
            buckets.Add(day);
        }

        return [.. days.GroupBy(d => d.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(currency =>
        {
            var sums = currency.GroupBy(d => (Bucket(DateOnly.FromDayNumber((int)d.Day)), d.Method)).ToDictionary(g => g.Key, g => Amount(g.Sum(d => d.Units)));
            var rows = buckets.Select(bucket =>
            {
                var values = Methods.Select(m => sums.GetValueOrDefault((bucket, m))).ToList();
                return (IReadOnlyList<ReportCell>)
                [
                    ReportCell.Of(bucket.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ReportCell.Of(currency.Key),
                    .. values.Select(v => ReportCell.Amount(v, currency.Key)), ReportCell.Amount(values.Sum(), currency.Key),
                ];
            }).ToList();
            return new ReportTable($"per-{(weekly ? "week" : "day")}-{currency.Key.ToLowerInvariant()}",
                $"Refunded per {(weekly ? "week" : "day")} in {currency.Key}, by method",
                [weekly ? "Week starting" : "Day", "Currency", .. Methods.Select(MethodName), "Total"], rows);
        })];
    }

    private static ReportTable Distribution(IReadOnlyList<DurationRow> canceled) => new("time-to-canceled", "Time from request to canceled",
        ["Time to canceled", "Requests"],
        [.. DurationBuckets.Select((bucket, i) =>
        {
            var above = i == 0 ? long.MinValue : DurationBuckets[i - 1].UpToMinutes;
            var count = canceled.Where(d => d.Minutes >= above && d.Minutes < bucket.UpToMinutes).Sum(d => d.Count);
            return (IReadOnlyList<ReportCell>)[ReportCell.Of(bucket.Label), ReportCell.Count(count)];
        })]);

    private static ChartData DailyChart(ReportTable table)
    {
        var currency = table.Rows.Count > 0 ? table.Rows[0][1].Text! : "";
        return new ChartData(table.Title, $"Stacked bars: the amount refunded in {currency} each {table.Columns[0].ToLowerInvariant()}, split by refund method.",
            table.Columns[0], $"Refunded ({currency})", [.. Methods.Select(MethodName)],
            [.. table.Rows.Select(r => new ChartBar(r[0].Text!, [.. r.Skip(2).Take(Methods.Length).Select(c => c.Number!.Value)]))], table);
    }

    private static ChartData ReasonsChart(ReportTable reasons) =>
        new("Cancellations per reason", "Bars: how many requests gave each reason, the shopper's and staff's.", "Reason", "Requests", ["Requests"],
            [.. reasons.Rows.Take(10).Select(r => new ChartBar($"{r[1].Text} ({r[0].Text!.ToLowerInvariant()})", [r[2].Number!.Value]))], reasons);

    private static ChartData DistributionChart(ReportTable distribution) =>
        new("Time from request to canceled", "Bars: how many canceled requests took each length of time from the request.", "Time to canceled", "Requests", ["Requests"],
            [.. distribution.Rows.Select(r => new ChartBar(r[0].Text!, [r[1].Number!.Value]))], distribution);

    private static (long Count, long Units) Total(IEnumerable<MoneyRow> rows)
    {
        var list = rows.ToList();
        return (list.Sum(m => m.Count), list.Sum(m => m.Units));
    }

    private static IReadOnlyList<ReportCell> Row(string currency, string label, (long Count, long Units) total) =>
        [ReportCell.Of(currency), ReportCell.Of(label), ReportCell.Count(total.Count), ReportCell.Amount(Amount(total.Units), currency)];

    /// <summary>A refund method as a heading or a list item names it ("Store credit").</summary>
    public static string MethodName(RefundMethod method)
    {
        var text = method.ToDisplay();
        return string.Concat(text[..1].ToUpperInvariant(), text[1..]);
    }
}
