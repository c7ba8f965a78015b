using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CancellationPortal.Domain.Integrations;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>Calls to the integration API as a shop platform makes them, with a key created straight in the database.</summary>
public static class ApiCalls
{
    public static async Task<string> CreateKeyAsync(this BackOfficeApp app, params string[] scopes)
    {
        ArgumentNullException.ThrowIfNull(app);
        var (key, token) = ApiKey.Create("Shop sync", scopes.Length == 0 ? ApiScopes.All : scopes, "Ada Admin", app.Clock.GetUtcNow());
        await using var db = app.CreateContext();
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync();
        return token;
    }

    public static HttpClient ApiClient(this WebApplicationFactory<Program> host, string? token)
    {
        ArgumentNullException.ThrowIfNull(host);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, object body) =>
        client.SendJsonAsync(method, url, JsonSerializer.Serialize(body, JsonSerializerOptions.Web));

    /// <summary>An order body as a shop platform sends it; change any part with the parameters.</summary>
    public static Dictionary<string, object?> OrderBody(
        string email = BackOfficeApp.Shopper,
        string currency = "EUR",
        int quantity = 2,
        string fulfillment = "Unfulfilled",
        string? trackingNumber = null)
    {
        var total = (quantity * 30m) + 5m;
        return new Dictionary<string, object?>
        {
            ["currency"] = currency,
            ["shopper"] = new { email, name = "Sam Shopper" },
            ["lines"] = new[] { new { sku = "TEA-1", name = "Teapot", quantity, unitPrice = 30m } },
            ["shipping"] = 5m,
            ["discount"] = 0m,
            ["total"] = total,
            ["payment"] = new { method = "BankDeposit", amount = total, reference = (string?)null },
            ["fulfillment"] = new { status = fulfillment, carrier = trackingNumber is null ? null : "DHL", trackingNumber },
        };
    }

    /// <summary>A refusal is problem details (RFC 9457): its JSON with the status, and the field errors if any.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }
}
