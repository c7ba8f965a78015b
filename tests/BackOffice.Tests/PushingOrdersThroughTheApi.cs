using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class PushingOrdersThroughTheApi(BackOfficeApp app) : PageTest(app)
{
    private static string NewExternalId() => $"shop-{Guid.NewGuid():N}";

    [Fact]
    public async Task APushedOrderGetsItsOwnNumberAndIsLinkedToTheShopperWithThatEmail()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));
        var externalId = NewExternalId();

        var created = await (await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", ApiCalls.OrderBody())).JsonAsync(HttpStatusCode.Created);

        created.GetProperty("outcome").GetString().ShouldBe("Created");
        var number = created.GetProperty("number").GetString()!;
        number.ShouldStartWith("W");
        await using var db = App.CreateContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == number);
        order.CustomerId.ShouldBe(App.ShopperId);
        order.Total.ShouldBe(65m);
        order.Lines.ShouldHaveSingleItem().Sku.ShouldBe("TEA-1");
        (await db.Set<ExternalOrder>().SingleAsync(e => e.ExternalId == externalId)).OrderId.ShouldBe(order.Id);
    }

    [Fact]
    public async Task TheSameBodyTwiceChangesNothing()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));
        var url = $"/api/v1/orders/{NewExternalId()}";
        var first = await (await client.SendJsonAsync(HttpMethod.Put, url, ApiCalls.OrderBody())).JsonAsync(HttpStatusCode.Created);
        var number = first.GetProperty("number").GetString();
        long version;
        await using (var db = App.CreateContext())
        {
            version = (await db.Orders.SingleAsync(o => o.Number == number)).Version;
        }

        var second = await (await client.SendJsonAsync(HttpMethod.Put, url, ApiCalls.OrderBody())).JsonAsync(HttpStatusCode.OK);

        second.GetProperty("outcome").GetString().ShouldBe("Unchanged");
        second.GetProperty("number").GetString().ShouldBe(number);
        await using var after = App.CreateContext();
        (await after.Orders.CountAsync(o => o.Number == number)).ShouldBe(1);
        (await after.Orders.SingleAsync(o => o.Number == number)).Version.ShouldBe(version);
    }

    [Fact]
    public async Task ALaterPushMovesFulfillmentOnButMayNotChangeWhatWasBought()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));
        var url = $"/api/v1/orders/{NewExternalId()}";
        var number = (await (await client.SendJsonAsync(HttpMethod.Put, url, ApiCalls.OrderBody())).JsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString();

        var shipped = await client.SendJsonAsync(HttpMethod.Put, url, ApiCalls.OrderBody(fulfillment: "Shipped", trackingNumber: "TRK-1"));
        (await shipped.JsonAsync(HttpStatusCode.OK)).GetProperty("outcome").GetString().ShouldBe("Updated");

        var changedLines = await client.SendJsonAsync(HttpMethod.Put, url, ApiCalls.OrderBody(quantity: 3, fulfillment: "Shipped", trackingNumber: "TRK-1"));
        await changedLines.ProblemAsync(HttpStatusCode.Conflict);

        await using var db = App.CreateContext();
        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == number);
        order.FulfillmentStatus.ShouldBe(FulfillmentStatus.Shipped);
        order.TrackingNumber.ShouldBe("TRK-1");
        order.Lines.Single().Quantity.ShouldBe(2);
    }

    public static TheoryData<string, string, string> BadBodies() => new()
    {
        { "missing fields", """{"currency":"EUR"}""", "shopper" },
        { "wrong type", """{"currency":"EUR","shopper":{"email":"a@b.example","name":"A"},"lines":[{"sku":"S","name":"N","quantity":"two","unitPrice":1}],"total":2,"payment":{"method":"Card","amount":2}}""", "$.lines[0].quantity" },
        { "negative quantity", Json(ApiCalls.OrderBody(quantity: -1)), "lines[0].quantity" },
        { "unknown currency", Json(ApiCalls.OrderBody(currency: "XYZ")), "currency" },
        { "unknown field", """{"currency":"EUR","coupon":"FREE"}""", "$.coupon" },
        { "bad email", Json(ApiCalls.OrderBody(email: "not-an-email")), "shopper.email" },
        { "not JSON", "{", "$" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task BadInputIsRefusedWithProblemDetailsNamingTheFieldAndNothingIsStored(string what, string body, string field)
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));
        var externalId = NewExternalId();

        var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out var messages).ShouldBeTrue($"{what}: {problem}");
        messages.GetArrayLength().ShouldBeGreaterThan(0);
        await using var db = App.CreateContext();
        (await db.Set<ExternalOrder>().AnyAsync(e => e.ExternalId == externalId)).ShouldBeFalse(what);
    }

    [Fact]
    public async Task ABodyOverOneMegabyteIsRefusedWith413AndNothingIsStored()
    {
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.OrdersWrite));
        var externalId = NewExternalId();
        var body = ApiCalls.OrderBody();
        body["padding"] = new string('x', 2 * 1024 * 1024);

        var response = await client.SendJsonAsync(HttpMethod.Put, $"/api/v1/orders/{externalId}", body);

        await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        await using var db = App.CreateContext();
        (await db.Set<ExternalOrder>().AnyAsync(e => e.ExternalId == externalId)).ShouldBeFalse();
    }

    private static string Json(object body) => System.Text.Json.JsonSerializer.Serialize(body, System.Text.Json.JsonSerializerOptions.Web);
}

[Collection(SqliteCollection.Name)]
public sealed class PushingOrdersThroughTheApiOnSqlite(SqliteBackOffice app) : PushingOrdersThroughTheApi(app);

[Collection(PostgresCollection.Name)]
public sealed class PushingOrdersThroughTheApiOnPostgres(PostgresBackOffice app) : PushingOrdersThroughTheApi(app);
