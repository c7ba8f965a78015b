using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class StoppingTheShipment(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task WhileFulfillmentIsInProgressStaffRevertItBeforeTheyCanComplete()
    {
        var seeded = await App.SeedAsync(fulfillment: FulfillmentStatus.FulfillmentInProgress);
        var client = await StaffAsync();

        var accepted = await AcceptAsync(client, seeded);
        accepted.HasForm("Complete").ShouldBeFalse();
        accepted.Document.QuerySelector("[data-testid=policy]")!.TextContent.ShouldContain("must be reverted");

        var reverted = await client.FollowAsync(await client.SubmitAsync(accepted.Form("RevertFulfillment")));

        reverted.HasForm("RevertFulfillment").ShouldBeFalse();
        reverted.HasForm("Complete").ShouldBeTrue();
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).FulfillmentStatus.ShouldBe(FulfillmentStatus.Unfulfilled);
        (await App.RequestAsync(seeded.RequestId)).AuditEntries.ShouldContain(a => a.Kind == AuditKind.FulfillmentReverted);
    }

    [Fact]
    public async Task ADropShipOrderIsMarkedCanceledWithTheSupplierBeforeItCanComplete()
    {
        var seeded = await App.SeedAsync(supplier: SupplierOrderStatus.Placed);
        var client = await StaffAsync();
        var accepted = await AcceptAsync(client, seeded);
        accepted.HasForm("Complete").ShouldBeFalse();

        var marked = await client.FollowAsync(await client.SubmitAsync(accepted.Form("SupplierCanceled")));

        marked.HasForm("Complete").ShouldBeTrue();
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).SupplierStatus.ShouldBe(SupplierOrderStatus.Canceled);
    }

    [Fact]
    public async Task OnceTheSupplierShippedMarkingItCanceledIsRefused()
    {
        var seeded = await App.SeedAsync(supplier: SupplierOrderStatus.Placed);
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);
        await using (var db = App.CreateContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).UpdateSupplier(SupplierOrderStatus.Shipped);
            await db.SaveChangesAsync();
        }

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form("SupplierCanceled")), HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("already shipped");
        refused.HasForm("SupplierCanceled").ShouldBeFalse();
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Requested);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StoppingTheShipmentOnSqlite(SqliteBackOffice app) : StoppingTheShipment(app);

[Collection(PostgresCollection.Name)]
public sealed class StoppingTheShipmentOnPostgres(PostgresBackOffice app) : StoppingTheShipment(app);
