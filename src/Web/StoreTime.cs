using System.Globalization;
using CancellationPortal.Domain.Notifications;
using Microsoft.AspNetCore.Html;

namespace CancellationPortal.Web;

/// <summary>
/// Times as people read them on a page. The store has no time zone setting yet, so every time is shown in UTC
/// and says so; the machine-readable instant rides along for screen readers and scripts.
/// </summary>
public static class StoreTime
{
    public static IHtmlContent Time(DateTimeOffset at) => new HtmlString(string.Create(
        CultureInfo.InvariantCulture,
        $"<time datetime=\"{at.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}\">{EmailTemplates.Stamp(at)}</time>"));
}
