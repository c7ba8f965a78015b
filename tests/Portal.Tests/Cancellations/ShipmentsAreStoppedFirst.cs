using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>Being packed, or placed with a drop-ship supplier: the request is taken and the page says the shipment is stopped first.</summary>
public abstract class ShipmentsAreStoppedFirst(Provider provider) : SignedInShopperTest(provider)
{
    public static TheoryData<string> Cases => ["packing", "supplier"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task TheRequestIsTakenAndThePageSaysTheShipmentStopsFirst(string state)
    {
        var order = await App.PlaceOrderAsync(Shopper, shape: o =>
        {
            if (state == "packing")
            {
                o.UpdateFulfillment(FulfillmentStatus.FulfillmentInProgress);
            }
            else
            {
                o.UpdateSupplier(SupplierOrderStatus.Placed, "Teapots Direct");
            }
        });

        var before = await OpenOrderAsync(order.Number);
        before.Text.ShouldContain("the store will stop the shipment first");

        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.DeliveryTooLong));
        var done = await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        done.Status.ShouldBe(HttpStatusCode.OK);
        done.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation requested");
        done.Document.QuerySelector("[data-testid=next-step]")!.TextContent.ShouldContain("the store will stop the shipment first");
        var request = await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync());
        request.Status.ShouldBe(CancellationStatus.Requested);
    }
}

public sealed class ShipmentsAreStoppedFirstOnSqlite() : ShipmentsAreStoppedFirst(Provider.Sqlite);

public sealed class ShipmentsAreStoppedFirstOnPostgres() : ShipmentsAreStoppedFirst(Provider.Postgres);
