using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Reports;
using CancellationPortal.Domain.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Tests.Reports;

/// <summary>
/// A report's days run from midnight to midnight in the store's time zone, on both databases, across a change of
/// the clocks: a refund late in the evening UTC belongs to the next day in Berlin.
/// </summary>
public abstract class ReportDaysFollowTheStoresTimeZone(Provider provider) : DatabaseTest(provider)
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");
    private static readonly RefundRules Rules = new(CardAvailable: false, "None", "EUR", PointsPerCurrencyUnit: 100);

    [Fact]
    public async Task RefundsFallOnTheDayTheyHappenedInTheStoresZone()
    {
        // Berlin moves from UTC+1 to UTC+2 at 01:00 UTC on 30 March 2025.
        await RefundAsync(10m, new DateTimeOffset(2025, 3, 29, 22, 30, 0, TimeSpan.Zero)); // 23:30 on the 29th in Berlin
        await RefundAsync(20m, new DateTimeOffset(2025, 3, 29, 23, 30, 0, TimeSpan.Zero)); // 00:30 on the 30th
        await RefundAsync(40m, new DateTimeOffset(2025, 3, 30, 21, 59, 0, TimeSpan.Zero)); // 23:59 on the 30th
        await RefundAsync(80m, new DateTimeOffset(2025, 3, 30, 22, 0, 0, TimeSpan.Zero)); // 00:00 on the 31st
        await RefundAsync(160m, new DateTimeOffset(2025, 3, 31, 22, 0, 0, TimeSpan.Zero)); // 00:00 on 1 April: outside

        var view = await ReadAsync(new ReportQuery(ReportPeriod.Custom, new DateOnly(2025, 3, 29), new DateOnly(2025, 3, 31)), Berlin);

        view.Table("per-day-eur").Rows.Select(r => (r[0].Text, r[^1].Number)).ShouldBe(
            [("2025-03-29", 10m), ("2025-03-30", 60m), ("2025-03-31", 80m)]);
        view.Table("refunded").Rows.Single()[2].Number.ShouldBe(150m);

        var utc = await ReadAsync(new ReportQuery(ReportPeriod.Custom, new DateOnly(2025, 3, 29), new DateOnly(2025, 3, 31)), TimeZoneInfo.Utc);
        utc.Table("per-day-eur").Rows.Select(r => (r[0].Text, r[^1].Number)).ShouldBe(
            [("2025-03-29", 30m), ("2025-03-30", 120m), ("2025-03-31", 160m)]);
    }

    [Fact]
    public void TheZonesOffsetsAreKnownFromEachChangeOfTheClocks()
    {
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var stretches = ReportSql.OffsetStretches(Berlin, from, from.AddYears(1));

        stretches.ShouldBe(
        [
            (from, TimeSpan.FromHours(1)),
            (new DateTimeOffset(2025, 3, 30, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(2)),
            (new DateTimeOffset(2025, 10, 26, 1, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1)),
        ]);
    }

    private async Task<ReportView> ReadAsync(ReportQuery query, TimeZoneInfo zone)
    {
        await using var db = NewContext();
        var reports = DomainServices.On(db, Clock).GetRequiredService<RefundReports>();
        return await reports.ReadAsync(query, new ReportClock(zone, Clock.GetUtcNow()), CancellationToken.None);
    }

    private async Task RefundAsync(decimal amount, DateTimeOffset at)
    {
        await using var db = NewContext();
        var number = Guid.NewGuid().ToString("N")[..12];
        var order = Order.Place(number, "shopper-1", "sam@example.com", "Sam", "EUR", [new OrderLine("SKU-1", "Teapot", 1, amount)], 0m, 0m, PaymentMethod.BankDeposit, amount, at.AddDays(-1));
        var request = CancellationRequest.Submit(order, CancellationPolicy.Evaluate(order, hasOpenRequest: false), Staff, "backoffice", null, null, at).Value!;
        request.Accept(Staff, at).Error.ShouldBeNull();
        request.Decide(new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, null, null, true, false, false, null), Rules, Staff, at).Error.ShouldBeNull();
        db.Orders.Add(order);
        db.CancellationRequests.Add(request);
        await DomainServices.On(db, Clock).GetRequiredService<UnitOfWork>().SaveAsync(CancellationToken.None);
    }
}

public sealed class ReportDaysFollowTheStoresTimeZoneOnSqlite() : ReportDaysFollowTheStoresTimeZone(Provider.Sqlite);

public sealed class ReportDaysFollowTheStoresTimeZoneOnPostgres() : ReportDaysFollowTheStoresTimeZone(Provider.Postgres);
