using System.Net;
using System.Text.RegularExpressions;

namespace CancellationPortal.E2E.ScaleOut;

/// <summary>
/// A person's browser reduced to what the scale-out test needs: cookies, forms posted with their antiforgery token,
/// no redirects followed (each step's answer is checked), and which instance behind nginx answered each request.
/// </summary>
public sealed partial class ProxyClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly List<string> _upstreams = [];

    public ProxyClient(Uri baseUrl)
    {
        _http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseUrl,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The instances that answered, in order (host:port as nginx reports it).</summary>
    public IReadOnlyList<string> Upstreams => _upstreams;

    public async Task<(HttpStatusCode Status, string Body, Uri? Location)> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response);
    }

    /// <summary>Posts a form with the antiforgery token of the page it came from.</summary>
    public async Task<(HttpStatusCode Status, string Body, Uri? Location)> PostAsync(string path, string pageWithForm, IDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenOf(pageWithForm) };
        using var content = new FormUrlEncodedContent(values);
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response);
    }

    public void Dispose() => _http.Dispose();

    public static string TokenOf(string page) =>
        Token().Match(page) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups["value"].Value) : throw new InvalidOperationException("The page has no form token.");

    public static string? HiddenValue(string page, string name) =>
        new Regex($"name=\"{Regex.Escape(name)}\"[^>]*value=\"(?<value>[^\"]*)\"|value=\"(?<value>[^\"]*)\"[^>]*name=\"{Regex.Escape(name)}\"").Match(page) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : null;

    private async Task<(HttpStatusCode, string, Uri?)> ReadAsync(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("X-Upstream", out var upstream))
        {
            _upstreams.AddRange(upstream);
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers.Location);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Token();
}
