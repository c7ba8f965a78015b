using System.Net;
using System.Text.Json;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class CancellationRequestsThroughTheApi(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ARequestByPhoneIsRecordedAsFromTheApiAndASecondIsRefusedWhileItIsOpen()
    {
        var token = await App.CreateKeyAsync(ApiScopes.OrdersWrite, ApiScopes.CancellationsWrite);
        var client = App.ApiClient(token);
        var externalId = await PushOrderAsync(client);

        var created = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/orders/{externalId}/cancellation-requests",
            new { reason = "ChangedMind", comment = "Called the shop", channel = "phone" })).JsonAsync(HttpStatusCode.Created);

        created.GetProperty("status").GetString().ShouldBe("Requested");
        created.GetProperty("orderExternalId").GetString().ShouldBe(externalId);
        created.GetProperty("source").GetString().ShouldBe("phone via API");
        var request = await App.RequestAsync(created.GetProperty("id").GetGuid());
        request.RequestedByName.ShouldBe("Shop sync");
        await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/orders/{externalId}/cancellation-requests", new { channel = "email" }))
            .ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ABadChannelOrReasonIsRefusedAndAnUnknownOrderIs404WithNothingStored()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite, ApiScopes.CancellationsWrite));
        var externalId = await PushOrderAsync(client);

        var bad = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/orders/{externalId}/cancellation-requests", new { reason = "Bored", channel = "fax" }))
            .ProblemAsync(HttpStatusCode.BadRequest);
        await (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/orders/no-such-order/cancellation-requests", new { channel = "email" }))
            .ProblemAsync(HttpStatusCode.NotFound);

        bad.GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        bad.GetProperty("errors").TryGetProperty("channel", out _).ShouldBeTrue();
        await using var db = App.CreateContext();
        var orderId = (await db.Set<ExternalOrder>().SingleAsync(e => e.ExternalId == externalId)).OrderId;
        (await db.CancellationRequests.AnyAsync(r => r.OrderId == orderId)).ShouldBeFalse();
    }

    [Fact]
    public async Task PagesFollowTheCursorGivingEveryRequestOnceAndOneRequestIsReadById()
    {
        var mine = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            mine.Add((await App.SeedAsync()).RequestId);
        }

        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.CancellationsRead));
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"/api/v1/cancellation-requests?status=Requested&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}")).JsonAsync(HttpStatusCode.OK);
            var items = page.GetProperty("items").EnumerateArray().ToList();
            items.Count.ShouldBeLessThanOrEqualTo(2);
            items.ShouldAllBe(i => i.GetProperty("status").GetString() == "Requested");
            seen.AddRange(items.Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        seen.Distinct().Count().ShouldBe(seen.Count);
        mine.ShouldAllBe(id => seen.Contains(id));
        var one = await (await client.GetAsync($"/api/v1/cancellation-requests/{mine[0]}")).JsonAsync(HttpStatusCode.OK);
        one.GetProperty("reason").GetString().ShouldBe(nameof(ShopperReason.ChangedMind));
        await (await client.GetAsync($"/api/v1/cancellation-requests/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UpdatedSinceLeavesOutRequestsThatLastChangedBefore()
    {
        var old = await App.SeedAsync();
        App.Clock.Advance(TimeSpan.FromSeconds(5));
        var since = App.Clock.GetUtcNow();
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.CancellationsRead));

        var page = await (await client.GetAsync($"/api/v1/cancellation-requests?limit=100&updatedSince={Uri.EscapeDataString(since.ToString("O"))}")).JsonAsync(HttpStatusCode.OK);

        page.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("updatedAt").GetDateTimeOffset() >= since);
        page.GetProperty("items").EnumerateArray().ShouldNotContain(i => i.GetProperty("id").GetGuid() == old.RequestId);
    }

    [Fact]
    public async Task BadFiltersAreRefusedWithTheirFieldsNamed()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.CancellationsRead));

        var problem = await (await client.GetAsync("/api/v1/cancellation-requests?status=Lost&updatedSince=yesterday&cursor=%21%21&limit=0")).ProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "status", "updatedSince", "cursor", "limit" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    private static async Task<string> PushOrderAsync(HttpClient client)
    {
        var externalId = $"shop-{Guid.NewGuid():N}";
        (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", ApiCalls.OrderBody())).StatusCode.ShouldBe(HttpStatusCode.Created);
        return externalId;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CancellationRequestsThroughTheApiOnSqlite(SqliteBackOffice app) : CancellationRequestsThroughTheApi(app);

[Collection(PostgresCollection.Name)]
public sealed class CancellationRequestsThroughTheApiOnPostgres(PostgresBackOffice app) : CancellationRequestsThroughTheApi(app);
