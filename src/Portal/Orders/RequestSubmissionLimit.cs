using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Portal.Orders;

/// <summary>How many cancellation requests one shopper may submit in a window.</summary>
public sealed class RequestSubmissionLimitOptions
{
    public const string Section = "RateLimiting:CancellationRequests";

    public int PermitLimit { get; set; } = 5;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Limits submissions of cancellation requests per signed-in shopper. Only the final submission counts: reading an
/// order or going through the confirmation step costs nothing. It is a page filter, so it judges the handler Razor
/// Pages actually chose to run, whatever the address says (the handler named twice, or in another case). Over the
/// limit it answers 429 with Retry-After: the time left in the shopper's window.
/// </summary>
internal sealed class RequestSubmissionLimit(IOptions<RequestSubmissionLimitOptions> options, TimeProvider clock, IMemoryCache windows) : IAsyncPageFilter
{
    /// <summary>The page handler that submits a request.</summary>
    public const string SubmitHandler = "Confirm";

    private readonly Lock _gate = new();

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var shopperId = context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var handler = context.HandlerMethod;
        var isSubmission = handler is not null
            && string.Equals(handler.HttpMethod, "Post", StringComparison.OrdinalIgnoreCase)
            && handler.Name == SubmitHandler;
        if (shopperId is not null && isSubmission && Take(shopperId) is { } retryAfter)
        {
            context.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            context.Result = new StatusCodeResult(StatusCodes.Status429TooManyRequests);
            return;
        }

        await next();
    }

    /// <summary>Counts a submission in the shopper's window; over the limit, answers how long until the window ends.</summary>
    private TimeSpan? Take(string shopperId)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var key = "request-submissions:" + shopperId;
        lock (_gate)
        {
            if (!windows.TryGetValue(key, out Window? window) || window!.EndsAt <= now)
            {
                window = windows.Set(key, new Window(now + settings.Window), settings.Window);
            }

            if (window.Count >= settings.PermitLimit)
            {
                return window.EndsAt - now;
            }

            window.Count++;
            return null;
        }
    }

    private sealed class Window(DateTimeOffset endsAt)
    {
        public DateTimeOffset EndsAt { get; } = endsAt;
        public int Count { get; set; }
    }
}
