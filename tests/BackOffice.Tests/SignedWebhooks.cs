using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

public abstract class SignedWebhooks(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnEventIsSignedPerStandardWebhooksRetriedAfterA500AndATimeoutAndNeverSentAgainAfterSuccess()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = Host(allowPrivate: true);
        var endpoint = await RegisterAsync(receiver.Url, "cancellation.requested");
        receiver.ThenAnswer(HttpStatusCode.InternalServerError);
        receiver.ThenWait(TimeSpan.FromSeconds(4));
        var externalId = await RequestCancellationAsync(host);

        await DeliverAsync(host);
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await DeliverAsync(host);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await DeliverAsync(host);
        App.Clock.Advance(TimeSpan.FromDays(1));
        await DeliverAsync(host);

        var received = receiver.Requests.Where(r => r.Body.Contains(externalId, StringComparison.Ordinal)).ToList();
        received.Count.ShouldBe(3);
        received.Select(r => r.Id).Distinct().ShouldHaveSingleItem().ShouldStartWith("msg_");
        foreach (var request in received)
        {
            request.Signature.ShouldBe(ExpectedSignature(endpoint.Secret, request));
        }

        var body = JsonDocument.Parse(received[0].Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("cancellation.requested");
        body.GetProperty("data").GetProperty("order").GetProperty("externalId").GetString().ShouldBe(externalId);
        await using var db = App.CreateContext();
        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.EndpointId == endpoint.Id && d.Payload.Contains(externalId));
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Succeeded);
        delivery.Attempts.ShouldBe(3);
        delivery.LastResponseCode.ShouldBe(200);
    }

    [Fact]
    public async Task ARedirectIsNotFollowedButCountedAsAFailedAttempt()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = Host(allowPrivate: true);
        var endpoint = await RegisterAsync(receiver.Url, "cancellation.requested");
        receiver.ThenAnswer(HttpStatusCode.Redirect, new Uri(receiver.Url, "elsewhere").ToString());
        var externalId = await RequestCancellationAsync(host);

        await DeliverAsync(host);

        receiver.Requests.ShouldNotContain(r => r.Path.EndsWith("elsewhere", StringComparison.Ordinal));
        await using var db = App.CreateContext();
        var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.EndpointId == endpoint.Id && d.Payload.Contains(externalId));
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        delivery.LastResponseCode.ShouldBe(302);
    }

    [Fact]
    public async Task OutsideLocalTryingOutLoopbackAndPrivateAddressesAreRefusedAndNothingIsSent()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = Host(allowPrivate: false);
        var endpoint = await RegisterAsync(receiver.Url, "cancellation.requested");
        var externalId = await RequestCancellationAsync(host);

        await DeliverAsync(host);

        receiver.Requests.ShouldBeEmpty();
        await using var db = App.CreateContext();
        (await db.Set<WebhookDelivery>().SingleAsync(d => d.EndpointId == endpoint.Id && d.Payload.Contains(externalId))).LastError!.ShouldContain("webhooks go to");
        var addresses = host.Services.GetRequiredService<WebhookAddresses>();
        foreach (var refused in new[] { "http://shop.example/hooks", "https://127.0.0.1/x", "https://localhost/x", "https://[::1]/x", "https://10.1.2.3/x", "https://192.168.0.10/x", "https://169.254.169.254/latest", "ftp://shop.example/x", "https://user:pw@shop.example/x" })
        {
            addresses.ProblemWith(refused).ShouldNotBeNull(refused);
        }

        addresses.ProblemWith("https://shop.example/hooks").ShouldBeNull();
    }

    [Fact]
    public async Task AnEndpointThatKeepsFailingIsDisabledAndHearsNoMore()
    {
        await using var receiver = new WebhookReceiver();
        await using var host = Host(allowPrivate: true, disableAfter: 2);
        await RegisterAsync(receiver.Url, "cancellation.requested");
        receiver.ThenAnswer(HttpStatusCode.InternalServerError);
        receiver.ThenAnswer(HttpStatusCode.InternalServerError);
        await RequestCancellationAsync(host);

        await DeliverAsync(host);
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        await DeliverAsync(host);
        var later = await RequestCancellationAsync(host);
        await DeliverAsync(host);

        receiver.Requests.ShouldNotContain(r => r.Body.Contains(later, StringComparison.Ordinal));
        await using var db = App.CreateContext();
        var endpoint = await db.Set<WebhookEndpoint>().SingleAsync(e => e.Url == receiver.Url.ToString());
        endpoint.IsActive.ShouldBeFalse();
        endpoint.DisabledAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task StaffAcceptingARequestAndAnOrderBeingDisputedAreWrittenAsEventsWithTheirChange()
    {
        var endpoint = await RegisterAsync(new Uri("https://shop.example/hooks"), "cancellation.accepted", WebhookEvents.DisputeOpened);
        var seeded = await App.SeedAsync(method: Domain.Orders.PaymentMethod.Card);

        await AcceptAsync(await StaffAsync(), seeded);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Domain.Persistence.AppDbContext>();
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).SetDisputed(true);
            await db.SaveChangesAsync();
        }

        await using var check = App.CreateContext();
        var events = await check.Set<WebhookDelivery>().Where(d => d.EndpointId == endpoint.Id && d.Payload.Contains(seeded.Number)).Select(d => d.EventType).ToListAsync();
        events.Order(StringComparer.Ordinal).ShouldBe(["cancellation.accepted", WebhookEvents.DisputeOpened]);
    }

    private WebApplicationFactory<Program> Host(bool allowPrivate, int disableAfter = 20) => App.WithWebHostBuilder(b =>
    {
        b.UseSetting("Webhooks:AllowPrivateNetworks", allowPrivate ? "true" : "false");
        b.UseSetting("Webhooks:Timeout", "00:00:01");
        b.UseSetting("Webhooks:DisableAfterFailures", disableAfter.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    private async Task<WebhookEndpoint> RegisterAsync(Uri url, params string[] events)
    {
        var endpoint = WebhookEndpoint.Register(url, events, App.Clock.GetUtcNow());
        await using var db = App.CreateContext();
        db.Set<WebhookEndpoint>().Add(endpoint);
        await db.SaveChangesAsync();
        return endpoint;
    }

    /// <summary>A shop pushes an order and records a shopper's phone call: the request's first step is an event.</summary>
    private async Task<string> RequestCancellationAsync(WebApplicationFactory<Program> host)
    {
        var client = host.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite, ApiScopes.CancellationsWrite));
        var externalId = $"hook-{Guid.NewGuid():N}";
        (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", ApiCalls.OrderBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/orders/{externalId}/cancellation-requests", new { channel = "phone" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        return externalId;
    }

    private static async Task DeliverAsync(WebApplicationFactory<Program> host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WebhookSender>().DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>What a store computes to check a delivery: HMAC-SHA256 with its secret over "id.timestamp.body".</summary>
    private static string ExpectedSignature(string secret, WebhookReceiver.Received request)
    {
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{request.Id}.{request.Timestamp}.{request.Body}"));
        return "v1," + Convert.ToBase64String(mac);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignedWebhooksOnSqlite(SqliteBackOffice app) : SignedWebhooks(app);

[Collection(PostgresCollection.Name)]
public sealed class SignedWebhooksOnPostgres(PostgresBackOffice app) : SignedWebhooks(app);
