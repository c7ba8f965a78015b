using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.TestSupport;

/// <summary>
/// Sends every route of an app what a browser, a script or a prober might: GET, POST and PUT with no handler,
/// an unknown handler, and each handler the page's own forms post to (with an empty form), and reports every
/// answer that is a server error. Routes come from the app's own endpoint list, so a new page is walked too.
/// </summary>
public static partial class RouteWalker
{
    private const string TokenField = "__RequestVerificationToken";

    /// <summary>
    /// Every route of the app with its parameters filled in turn with each given value (real ids and nonsense);
    /// a parameter without values gets "nonsense". Signing out comes last, so it does not cut the walk short.
    /// </summary>
    public static List<string> Urls(IServiceProvider services, IReadOnlyDictionary<string, string[]> parameterValues)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(parameterValues);
        var patterns = services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? "")
            .Distinct(StringComparer.Ordinal);
        var urls = new List<string>();
        foreach (var pattern in patterns)
        {
            var names = Parameter().Matches(pattern).Select(m => m.Groups["name"].Value).ToList();
            var rounds = names.Count == 0 ? 1 : names.Max(n => parameterValues.GetValueOrDefault(n, ["nonsense"]).Length);
            for (var round = 0; round < rounds; round++)
            {
                urls.Add("/" + Parameter().Replace(pattern, m =>
                {
                    var values = parameterValues.GetValueOrDefault(m.Groups["name"].Value, ["nonsense"]);
                    return Uri.EscapeDataString(values[Math.Min(round, values.Length - 1)]);
                }).TrimStart('/'));
            }
        }

        return [.. urls.Distinct(StringComparer.Ordinal).OrderBy(u => u.Contains("logout", StringComparison.OrdinalIgnoreCase)).ThenBy(u => u, StringComparer.Ordinal)];
    }

    /// <summary>Walks the routes as one visitor and lists each request answered with a 5xx.</summary>
    /// <param name="tokenPage">A page that gives this visitor an antiforgery token, so posts reach the page's handlers.</param>
    public static async Task<List<string>> ServerErrorsAsync(HttpClient client, string who, string tokenPage, IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(urls);
        var token = (await GetFormsAsync(client, tokenPage)).Token;
        var errors = new List<string>();

        async Task SendAsync(HttpMethod method, string url)
        {
            using var request = new HttpRequestMessage(method, url);
            if (method != HttpMethod.Get)
            {
                request.Content = new FormUrlEncodedContent(token is null ? [] : [new(TokenField, token)]);
            }

            using var response = await client.SendAsync(request);
            if ((int)response.StatusCode >= 500)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{who}: {method} {url} answered {(int)response.StatusCode}"));
            }
        }

        foreach (var url in urls)
        {
            var unknownHandler = url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Nope";
            await SendAsync(HttpMethod.Get, url);
            await SendAsync(HttpMethod.Get, unknownHandler);
            await SendAsync(HttpMethod.Post, url);
            await SendAsync(HttpMethod.Post, unknownHandler);
            await SendAsync(HttpMethod.Put, url);
            foreach (var action in (await GetFormsAsync(client, url)).PostActions)
            {
                await SendAsync(HttpMethod.Post, action);
            }
        }

        return errors;
    }

    /// <summary>The page's antiforgery token and where its forms post to (signing out excepted).</summary>
    private static async Task<(string? Token, List<string> PostActions)> GetFormsAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return (null, []);
        }

        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content(response.Content.ReadAsStream()));
        var token = document.QuerySelector($"input[name={TokenField}]")?.GetAttribute("value");
        var actions = document.QuerySelectorAll("form")
            .OfType<IHtmlFormElement>()
            .Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase))
            .Select(f => f.GetAttribute("action") ?? "")
            .Where(a => a.StartsWith('/') && !a.Contains("logout", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return (token, actions);
    }

    [GeneratedRegex(@"\{\**(?<name>[^}:=?]+)[^}]*\}")]
    private static partial Regex Parameter();
}
