using System.Globalization;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Settings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Web;

/// <summary>
/// Times as people read them on a page, in the store's time zone and naming it; the machine-readable instant
/// rides along for screen readers and scripts. An app that calls <see cref="UseStoreTimeZone"/> shows the
/// zone an Admin set (the back-office); elsewhere times are in UTC and say so.
/// </summary>
public static class StoreTime
{
    private static readonly AsyncLocal<TimeZoneInfo?> RequestZone = new();

    /// <summary>The zone times of the current request are shown in.</summary>
    public static TimeZoneInfo Zone => RequestZone.Value ?? TimeZoneInfo.Utc;

    public static IHtmlContent Time(DateTimeOffset at) => new HtmlString(string.Create(
        CultureInfo.InvariantCulture,
        $"<time datetime=\"{at.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}\">{Stamp(at, Zone)}</time>"));

    /// <summary>"2026-11-23 13:00 Europe/Berlin": the local time and the zone it is in.</summary>
    public static string Stamp(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.Id == TimeZoneInfo.Utc.Id
            ? EmailTemplates.Stamp(at)
            : string.Create(CultureInfo.InvariantCulture, $"{TimeZoneInfo.ConvertTime(at, zone):yyyy-MM-dd HH:mm} {zone.Id}");
    }

    /// <summary>Shows every time of a request in the store's time zone (a store setting).</summary>
    public static WebApplication UseStoreTimeZone(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var services = context.RequestServices;
            RequestZone.Value = await services.GetRequiredService<StoreTimeZone>()
                .GetAsync(services.GetRequiredService<AppDbContext>(), context.RequestAborted);
            await next(context);
        });
        return app;
    }
}
