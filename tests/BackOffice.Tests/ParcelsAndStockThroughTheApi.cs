using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class CarrierUpdatesThroughTheApi(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ARefusedParcelIsRecordedAsReturnedWithTheCarriersWords()
    {
        var tracking = $"TRK-{Guid.NewGuid():N}"[..20];
        var seeded = await App.SeedAsync(withRequest: false, fulfillment: FulfillmentStatus.InTransit, trackingNumber: tracking);
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));

        var response = await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/shipments/{tracking}/events",
            new { status = "Refused", occurredAt = App.Clock.GetUtcNow(), courierText = "Recipient refused the parcel" });

        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await using var db = App.CreateContext();
        var order = await db.Orders.SingleAsync(o => o.Id == seeded.OrderId);
        order.FulfillmentStatus.ShouldBe(FulfillmentStatus.ReturnedToSender);
        order.LastCourierStatus.ShouldBe("Recipient refused the parcel");
    }

    [Fact]
    public async Task AnUnknownTrackingNumberIs404AndABadStatusIs400WithTheOrderUnchanged()
    {
        var tracking = $"TRK-{Guid.NewGuid():N}"[..20];
        var seeded = await App.SeedAsync(withRequest: false, fulfillment: FulfillmentStatus.InTransit, trackingNumber: tracking);
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));

        await (await client.SendJsonAsync(HttpMethod.Post, "/api/v1/shipments/NO-SUCH/events", new { status = "Delivered", occurredAt = App.Clock.GetUtcNow() }))
            .ProblemAsync(HttpStatusCode.NotFound);
        var bad = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/shipments/{tracking}/events", new { status = "Teleported", occurredAt = App.Clock.GetUtcNow().AddDays(2) }))
            .ProblemAsync(HttpStatusCode.BadRequest);

        bad.GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
        bad.GetProperty("errors").TryGetProperty("occurredAt", out _).ShouldBeTrue();
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).FulfillmentStatus.ShouldBe(FulfillmentStatus.InTransit);
    }
}

public abstract class StockLevelsThroughTheApi(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ANewSkuIsCreatedAndAKnownOneIsCountedAgain()
    {
        var sku = $"NEW-{Guid.NewGuid():N}"[..20];
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.StockWrite));

        (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/stock/{sku}", new { onHand = 7, name = "Mug" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/stock/{sku}", new { onHand = 3 })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await using var db = App.CreateContext();
        var item = await db.StockItems.SingleAsync(s => s.Sku == sku);
        item.OnHand.ShouldBe(3);
        item.Name.ShouldBe("Mug");
    }

    [Fact]
    public async Task ANegativeCountOrANewSkuWithoutANameIsRefusedAndNothingIsStored()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var sku = $"NEW-{Guid.NewGuid():N}"[..20];
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.StockWrite));

        var negative = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/stock/{seeded.Sku}", new { onHand = -1 })).ProblemAsync(HttpStatusCode.BadRequest);
        var nameless = await (await client.SendJsonAsync(HttpMethod.Post, $"/api/v1/stock/{sku}", new { onHand = 1 })).ProblemAsync(HttpStatusCode.BadRequest);

        negative.GetProperty("errors").TryGetProperty("onHand", out _).ShouldBeTrue();
        nameless.GetProperty("errors").TryGetProperty("name", out _).ShouldBeTrue();
        await using var db = App.CreateContext();
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(10);
        (await db.StockItems.AnyAsync(s => s.Sku == sku)).ShouldBeFalse();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CarrierUpdatesThroughTheApiOnSqlite(SqliteBackOffice app) : CarrierUpdatesThroughTheApi(app);

[Collection(PostgresCollection.Name)]
public sealed class CarrierUpdatesThroughTheApiOnPostgres(PostgresBackOffice app) : CarrierUpdatesThroughTheApi(app);

[Collection(SqliteCollection.Name)]
public sealed class StockLevelsThroughTheApiOnSqlite(SqliteBackOffice app) : StockLevelsThroughTheApi(app);

[Collection(PostgresCollection.Name)]
public sealed class StockLevelsThroughTheApiOnPostgres(PostgresBackOffice app) : StockLevelsThroughTheApi(app);
