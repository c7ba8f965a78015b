using System.Globalization;
using CancellationPortal.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CancellationPortal.Portal.Pages;

[IgnoreAntiforgeryToken]
public sealed class StatusCodeModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    /// <summary>Where a refused submission came from, to go back to; only ever an address on this site.</summary>
    public string? BackUrl { get; private set; }

    public string BackText { get; private set; } = "";

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            404 => ("Page not found", "There is nothing at this address. If you followed a link to an order, it may belong to another account."),
            403 => ("Not allowed", "Your account cannot open this page."),
            400 => ("Request not understood", "This page cannot do what was asked. Go back to the page and use its buttons."),
            405 => ("Request not understood", "This page cannot be used that way. Open it from a link or use its buttons."),
            429 => ("Too many requests", $"You sent several cancellation requests in a short time, so the last one was not sent and nothing was changed. You can send it again in {RetryAfterInWords()}."),
            _ => ("Something went wrong", $"The request could not be completed (status {code})."),
        };
        if (code == StatusCodes.Status429TooManyRequests)
        {
            SetBackLink();
        }
    }

    public void OnPost(int code) => OnGet(code);

    /// <summary>The wait the limit announced in Retry-After (seconds), in words.</summary>
    private string RetryAfterInWords() =>
        double.TryParse(Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? Durations.InWords(TimeSpan.FromSeconds(seconds))
            : "a minute";

    /// <summary>Back to the page the refused form was on (the order), read from the original request, never from a parameter.</summary>
    private void SetBackLink()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var path = original is null ? null : original.OriginalPathBase + original.OriginalPath;
        if (!Url.IsLocalUrl(path))
        {
            return;
        }

        BackUrl = path;
        BackText = original!.RouteValues?["number"] is string number ? $"Back to order {number}" : "Back to the page you were on";
    }
}
