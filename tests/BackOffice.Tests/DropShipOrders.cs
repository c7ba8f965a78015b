using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class DropShipOrders(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ItemsTheSupplierShippedAreNeverPutBackInTheStoresStockWhateverIsPosted()
    {
        var seeded = await App.SeedAsync(supplier: SupplierOrderStatus.Placed);
        var client = await StaffAsync();
        var accepted = await AcceptAsync(client, seeded);
        var marked = await client.FollowAsync(await client.SubmitAsync(accepted.Form("SupplierCanceled")));

        marked.Document.QuerySelector("input[name='Input.Decision.Restock'][type=checkbox]").ShouldBeNull();
        marked.Document.QuerySelector("[data-testid=no-restock]")!.TextContent.ShouldContain("These items were shipped by the supplier and never left your stock");

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", restock: true)));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Decision!.Restock.ShouldBeFalse();
        await using var db = App.CreateContext();
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(10);
    }

    [Fact]
    public async Task TheStoresOwnOrdersStillOfferRestock()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var accepted = await AcceptAsync(client, seeded);

        accepted.Document.QuerySelector("input[name='Input.Decision.Restock'][type=checkbox]").ShouldNotBeNull();
        accepted.Document.QuerySelector("[data-testid=no-restock]").ShouldBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DropShipOrdersOnSqlite(SqliteBackOffice app) : DropShipOrders(app);

[Collection(PostgresCollection.Name)]
public sealed class DropShipOrdersOnPostgres(PostgresBackOffice app) : DropShipOrders(app);
