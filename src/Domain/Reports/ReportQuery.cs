using System.Globalization;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Reports;

public enum ReportPeriod
{
    Today,
    Last7Days,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    Custom,
}

/// <summary>What the report form sends, as typed: every value is checked by <see cref="ReportQuery.Parse"/>.</summary>
public sealed record ReportInput(
    string? Period = null,
    string? From = null,
    string? To = null,
    string? Currency = null,
    string? Method = null,
    string? Reason = null,
    string? AskedBy = null,
    string? Payment = null);

/// <summary>
/// A report's period (whole days in the store's time zone, both ends included) and its filters. Every figure,
/// chart and export of the reports reads the same query, so they always agree.
/// </summary>
public sealed record ReportQuery(
    ReportPeriod Period,
    DateOnly From,
    DateOnly To,
    string? Currency = null,
    RefundMethod? Method = null,
    DecisionReason? Reason = null,
    ActorKind? AskedBy = null,
    PaymentMethod? Payment = null)
{
    public const int MaxYears = 5;
    private static readonly Lazy<HashSet<string>> IsoCurrencies = new(KnownCurrencies);

    /// <summary>The first instant of the period, in UTC.</summary>
    public DateTimeOffset FromUtc(TimeZoneInfo zone) => StartOfDay(From, zone);

    /// <summary>The first instant after the period, in UTC.</summary>
    public DateTimeOffset ToUtc(TimeZoneInfo zone) => StartOfDay(To.AddDays(1), zone);

    /// <summary>The query a form asks for, or a message saying what is wrong with it (shown with a 400).</summary>
    /// <param name="today">Today in the store's time zone: the presets count from it.</param>
    public static Result<ReportQuery> Parse(ReportInput input, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        var period = ReportPeriod.LastMonth;
        if (!string.IsNullOrWhiteSpace(input.Period) && !TryName(input.Period, out period))
        {
            return Error.Invalid("Choose a period from the list.", nameof(ReportInput.Period));
        }

        DateOnly from, to;
        if (period == ReportPeriod.Custom)
        {
            if (!TryDate(input.From, out from))
            {
                return Error.Invalid("Enter the first day of the period as a date (yyyy-mm-dd).", nameof(ReportInput.From));
            }

            if (!TryDate(input.To, out to))
            {
                return Error.Invalid("Enter the last day of the period as a date (yyyy-mm-dd).", nameof(ReportInput.To));
            }
        }
        else
        {
            (from, to) = Preset(period, today);
        }

        if (to < from)
        {
            return Error.Invalid("The period ends before it starts: choose a last day on or after the first day.", nameof(ReportInput.To));
        }

        if (to >= from.AddYears(MaxYears))
        {
            return Error.Invalid($"A report covers at most {MaxYears} years: choose a shorter period.", nameof(ReportInput.To));
        }

        string? currency = null;
        if (!string.IsNullOrWhiteSpace(input.Currency))
        {
            currency = input.Currency.Trim().ToUpperInvariant();
            if (!IsoCurrencies.Value.Contains(currency))
            {
                return Error.Invalid($"“{input.Currency.Trim()}” is not an ISO 4217 currency code such as EUR, USD or JPY.", nameof(ReportInput.Currency));
            }
        }

        if (!TryFilter<RefundMethod>(input.Method, out var method))
        {
            return Error.Invalid("Choose a refund method from the list.", nameof(ReportInput.Method));
        }

        if (!TryFilter<DecisionReason>(input.Reason, out var reason))
        {
            return Error.Invalid("Choose a reason from the list.", nameof(ReportInput.Reason));
        }

        if (!TryFilter<ActorKind>(input.AskedBy, out var askedBy))
        {
            return Error.Invalid("Choose who asked from the list: shopper, staff or automation.", nameof(ReportInput.AskedBy));
        }

        if (!TryFilter<PaymentMethod>(input.Payment, out var payment))
        {
            return Error.Invalid("Choose a payment method from the list.", nameof(ReportInput.Payment));
        }

        return new ReportQuery(period, from, to, currency, method, reason, askedBy, payment);
    }

    /// <summary>The days a preset covers, counted from today in the store's time zone.</summary>
    public static (DateOnly From, DateOnly To) Preset(ReportPeriod period, DateOnly today)
    {
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        return period switch
        {
            ReportPeriod.Today => (today, today),
            ReportPeriod.Last7Days => (today.AddDays(-6), today),
            ReportPeriod.ThisMonth => (monthStart, today),
            ReportPeriod.ThisQuarter => (new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1), today),
            _ => (monthStart.AddMonths(-1), monthStart.AddDays(-1)),
        };
    }

    /// <summary>
    /// The values as a form sends them, so a download carries exactly these filters. The days are pinned (a custom
    /// period), so a link opened after midnight still gives the days the page showed.
    /// </summary>
    public Dictionary<string, string?> ToRouteValues() => new()
    {
        ["Period"] = nameof(ReportPeriod.Custom),
        ["From"] = From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["To"] = To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Currency"] = Currency,
        ["Method"] = Method?.ToString(),
        ["Reason"] = Reason?.ToString(),
        ["AskedBy"] = AskedBy?.ToString(),
        ["Payment"] = Payment?.ToString(),
    };

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a clock change skips midnight, the day starts at the first minute that exists.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, zone), TimeSpan.Zero);
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static bool TryFilter<T>(string? text, out T? value)
        where T : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!TryName<T>(text, out var named))
        {
            return false;
        }

        value = named;
        return true;
    }

    // By name only: Enum.TryParse would also take "7" or "1,2".
    private static bool TryName<T>(string text, out T value)
        where T : struct, Enum
    {
        var name = Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<T>(name);
        return name is not null;
    }

    private static HashSet<string> KnownCurrencies()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                codes.Add(new RegionInfo(culture.Name).ISOCurrencySymbol);
            }
            catch (ArgumentException)
            {
                // A culture without a region has no currency of its own.
            }
        }

        codes.RemoveWhere(c => c.Length != 3 || !c.All(char.IsAsciiLetterUpper));
        return codes;
    }
}
