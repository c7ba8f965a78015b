using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
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
/// Limits submissions of cancellation requests per signed-in shopper. Only the final submission counts:
/// reading an order or going through the confirmation step costs nothing.
/// </summary>
internal sealed class RequestSubmissionLimiterPolicy(IOptions<RequestSubmissionLimitOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "cancellation-request-submissions";

    /// <summary>The page handler that submits a request.</summary>
    public const string SubmitHandler = "Confirm";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var userId = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null || !IsSubmission(httpContext.Request))
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter("user:" + userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Window,
            QueueLimit = 0,
        });
    }

    private static bool IsSubmission(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && string.Equals(
            request.RouteValues["handler"] as string ?? request.Query["handler"].ToString(),
            SubmitHandler,
            StringComparison.OrdinalIgnoreCase);
}
