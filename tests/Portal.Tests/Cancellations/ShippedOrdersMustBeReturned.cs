using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>Shipped, in transit or delivered: the page explains how to return the order and offers no cancel button.</summary>
public abstract class ShippedOrdersMustBeReturned(Provider provider) : SignedInShopperTest(provider)
{
    [Theory]
    [InlineData(FulfillmentStatus.Shipped, "Shipped")]
    [InlineData(FulfillmentStatus.InTransit, "In transit")]
    [InlineData(FulfillmentStatus.Delivered, "Delivered")]
    public async Task ThePageShowsHowToReturnItAndNoCancelButton(FulfillmentStatus fulfillment, string words)
    {
        var order = await App.PlaceOrderAsync(Shopper, shape: o => o.UpdateFulfillment(fulfillment, "DHL", "JJD000123", "Out for delivery"));

        var page = await OpenOrderAsync(order.Number);

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe(words);
        page.Text.ShouldContain("return it instead");
        page.Text.ShouldContain($"Write the order number {order.Number}");
        page.Text.ShouldContain("Send the parcel to");
        page.Text.ShouldContain("JJD000123");
        page.HasButton("Request cancellation").ShouldBeFalse();
        page.HasButton("Confirm cancellation request").ShouldBeFalse();
    }

    [Fact]
    public async Task ASubmittedRequestIsRefusedAndNothingChanges()
    {
        var open = await App.PlaceOrderAsync(Shopper);
        var shipped = await App.PlaceOrderAsync(Shopper, shape: o => o.UpdateFulfillment(FulfillmentStatus.Shipped));
        var confirm = await StartRequestAsync(open.Number, nameof(ShopperReason.ChangedMind));
        var form = confirm.FormWithButton("Confirm cancellation request");
        form.Action = form.Action.Replace(open.Number, shipped.Number, StringComparison.Ordinal);

        var refused = await Browser.ReplayAsync(form, "Confirm cancellation request");

        refused.Status.ShouldBe(HttpStatusCode.Conflict);
        refused.Text.ShouldContain("it has to be returned instead");
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(0);
        (await App.OutboxMailAsync()).ShouldBeEmpty();
    }
}

public sealed class ShippedOrdersMustBeReturnedOnSqlite() : ShippedOrdersMustBeReturned(Provider.Sqlite);

public sealed class ShippedOrdersMustBeReturnedOnPostgres() : ShippedOrdersMustBeReturned(Provider.Postgres);
