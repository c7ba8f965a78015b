using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Integrations;

namespace CancellationPortal.BackOffice.Api;

/// <summary>
/// Lets a call through only with a live key holding the endpoint's scope, within the key's rate:
/// 401 without a valid key, 403 without the scope, 429 with Retry-After when it calls too often.
/// </summary>
public sealed class ApiKeyFilter(string scope) : IEndpointFilter
{
    public const string CallerItem = "api-caller";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : "";
        var keys = http.RequestServices.GetRequiredService<ApiKeys>();
        var key = token.Length == 0 ? null : await keys.FindLiveAsync(token, http.RequestAborted);
        if (key is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            return ApiProblems.Status(StatusCodes.Status401Unauthorized, "A valid API key is needed.", "Send an API key an admin created, as 'Authorization: Bearer <key>'. Revoked keys no longer work.");
        }

        if (!key.Allows(scope))
        {
            return ApiProblems.Status(StatusCodes.Status403Forbidden, "This key may not do that.", $"The key needs the '{scope}' scope.");
        }

        if (http.RequestServices.GetRequiredService<ApiRateLimiter>().WaitBefore(key.Id) is { } wait)
        {
            var seconds = (int)Math.Ceiling(wait.TotalSeconds);
            http.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ApiProblems.Status(StatusCodes.Status429TooManyRequests, "Too many calls.", "This key made too many calls this minute: try again after the time in Retry-After.");
        }

        await keys.MarkUsedAsync(key, http.RequestAborted);
        http.Items[CallerItem] = new Actor(ActorKind.System, $"api-key:{key.Id}", key.Name);
        return await next(context);
    }
}
