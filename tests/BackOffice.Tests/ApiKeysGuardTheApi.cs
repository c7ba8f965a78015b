using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class ApiKeysGuardTheApi(BackOfficeApp app) : PageTest(app)
{
    private const string Url = "/api/v1/cancellation-requests";

    [Fact]
    public async Task ACallWithoutAKeyIsRefusedWith401ProblemDetails()
    {
        var response = await App.ApiClient(null).GetAsync(Url);

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("A valid API key is needed.");
        response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task AMadeUpOrAlteredKeyIsRefusedWith401()
    {
        var token = await App.CreateKeyAsync();

        await (await App.ApiClient("cpk_000000000000_made-up").GetAsync(Url)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.ApiClient(token[..^2] + "xx").GetAsync(Url)).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.ApiClient("not a key").GetAsync(Url)).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AKeyWithoutTheEndpointsScopeIsRefusedWith403AndNothingIsStored()
    {
        var token = await App.CreateKeyAsync(ApiScopes.CancellationsRead);
        var externalId = $"scope-{Guid.NewGuid():N}";

        var response = await App.ApiClient(token).SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", ApiCalls.OrderBody());

        (await response.ProblemAsync(HttpStatusCode.Forbidden)).GetProperty("detail").GetString().ShouldBe("The key needs the 'orders:write' scope.");
        await using var db = App.CreateContext();
        (await db.Set<ExternalOrder>().AnyAsync(e => e.ExternalId == externalId)).ShouldBeFalse();
    }

    [Fact]
    public async Task AKeyCallingTooOftenIsToldToWaitWith429AndRetryAfterThenMayCallAgain()
    {
        await using var host = App.WithWebHostBuilder(b => b.UseSetting("Api:PermitsPerMinute", "2"));
        var client = host.ApiClient(await App.CreateKeyAsync());

        (await client.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await client.GetAsync(Url);

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        (await client.GetAsync(Url)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public abstract class AdminsCreateAndRevokeApiKeys(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ANewKeyIsShownOnceStoredOnlyAsAHashWorksAndStopsWorkingWhenRevoked()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var page = await admin.GetPageAsync("/Integrations");
        var name = $"Shopify sync {Guid.NewGuid():N}"[..30];

        var created = await Html.ReadAsync(await admin.SubmitAsync(page.Form("Create"), new() { ["Input.Name"] = name, ["Input.Scopes"] = ApiScopes.CancellationsRead }));

        var token = created.Document.QuerySelector("[data-testid=new-key]")!.GetAttribute("value")!;
        token.ShouldStartWith("cpk_");
        (await admin.GetPageAsync("/Integrations")).Document.Body!.InnerHtml.ShouldNotContain(token);
        await using (var db = App.CreateContext())
        {
            var stored = await db.Set<ApiKey>().AsNoTracking().SingleAsync(k => k.Name == name);
            stored.SecretHash.ShouldNotContain(token[^20..]);
            stored.Scopes.ShouldBe(ApiScopes.CancellationsRead);
        }

        (await App.ApiClient(token).GetAsync("/api/v1/cancellation-requests")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await admin.GetPageAsync("/Integrations");
        var row = listed.Document.QuerySelectorAll("[data-testid=api-key]").Single(r => r.TextContent.Contains(name, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Read cancellation requests");
        row.TextContent.ShouldNotContain("Never");

        var revokeForm = (AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!;
        (await admin.SubmitAsync(revokeForm)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await (await App.ApiClient(token).GetAsync("/api/v1/cancellation-requests")).ProblemAsync(HttpStatusCode.Unauthorized);
        (await admin.GetPageAsync("/Integrations")).Document.QuerySelectorAll("[data-testid=api-key]")
            .Single(r => r.TextContent.Contains(name, StringComparison.Ordinal)).TextContent.ShouldContain("Revoked");
    }

    [Fact]
    public async Task AKeyWithoutANameOrAScopeIsRefusedBesideItsFieldsAndNotCreated()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var page = await admin.GetPageAsync("/Integrations");
        await using var before = App.CreateContext();
        var count = await before.Set<ApiKey>().CountAsync();

        var refused = await Html.ReadAsync(await admin.SubmitAsync(page.Form("Create"), new() { ["Input.Name"] = "" }));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Alert.ShouldContain("Give the key a name");
        refused.Alert.ShouldContain("Choose at least one thing the key may do.");
        await using var after = App.CreateContext();
        (await after.Set<ApiKey>().CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task OnlyAdminsOpenTheIntegrationsPage()
    {
        var manager = await App.SignInAsync(BackOfficeApp.Manager);

        var response = await manager.GetAsync("/Integrations");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiKeysGuardTheApiOnSqlite(SqliteBackOffice app) : ApiKeysGuardTheApi(app);

[Collection(PostgresCollection.Name)]
public sealed class ApiKeysGuardTheApiOnPostgres(PostgresBackOffice app) : ApiKeysGuardTheApi(app);

[Collection(SqliteCollection.Name)]
public sealed class AdminsCreateAndRevokeApiKeysOnSqlite(SqliteBackOffice app) : AdminsCreateAndRevokeApiKeys(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminsCreateAndRevokeApiKeysOnPostgres(PostgresBackOffice app) : AdminsCreateAndRevokeApiKeys(app);
