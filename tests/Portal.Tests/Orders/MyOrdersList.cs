using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Orders;

/// <summary>My orders lists the shopper's own orders, newest first, with number, date, total and a status in words.</summary>
public abstract class MyOrdersList(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task EveryOrderShowsItsStatusInWordsNewestFirst()
    {
        var placed = DateTimeOffset.UtcNow.AddDays(-30);
        var expected = new List<(string Number, string Status)>();
        async Task<Order> Place(string status, Action<Order>? shape = null)
        {
            var order = await App.PlaceOrderAsync(Shopper, shape: shape, placedAt: placed = placed.AddDays(1));
            expected.Insert(0, (order.Number, status));
            return order;
        }

        await Place("Processing");
        await Place("Processing", o => o.UpdateFulfillment(FulfillmentStatus.FulfillmentInProgress));
        await Place("Shipped", o => o.UpdateFulfillment(FulfillmentStatus.Shipped));
        await Place("In transit", o => o.UpdateFulfillment(FulfillmentStatus.InTransit));
        await Place("Delivered", o => o.UpdateFulfillment(FulfillmentStatus.Delivered));
        await App.RequestAsShopperAsync(Shopper, await Place("Cancellation requested"));
        var inProgress = await App.RequestAsShopperAsync(Shopper, await Place("Cancellation in progress"));
        await App.AcceptAsync(inProgress.Id);
        await App.RequestAsShopperAsync(Shopper, await Place("Canceled", o => o.UpdateFulfillment(FulfillmentStatus.Unfulfilled)));
        var toCancel = expected[0].Number;
        await App.CancelAsync(toCancel);
        var undone = await Place("Cancellation undone");
        await App.RequestAsShopperAsync(Shopper, undone);
        await App.CancelAsync(undone.Number);
        await App.UndoAsync(undone.Number);
        var rejected = await App.RequestAsShopperAsync(Shopper, await Place("Processing"));
        await App.RejectAsync(rejected.Id, "Already packed");
        var other = await App.CreateShopperAsync();
        var othersOrder = await App.PlaceOrderAsync(other);

        var page = await Browser.GetAsync("/Account/Orders");

        page.Status.ShouldBe(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("tbody tr").ToList();
        rows.Select(r => r.QuerySelector("th")!.TextContent).ShouldBe(expected.Select(e => $"Order {e.Number}"));
        rows.Select(r => r.QuerySelector(".pill")!.TextContent).ShouldBe(expected.Select(e => e.Status));
        rows[0].TextContent.ShouldContain("EUR 51.95");
        page.Text.ShouldNotContain(othersOrder.Number);
    }

    [Fact]
    public async Task SignInIsRequired()
    {
        using var anonymous = App.NewBrowser();

        var page = await anonymous.GetAsync("/Account/Orders");

        page.Url.AbsolutePath.ShouldBe("/Identity/Account/Login");
        page.Url.Query.ShouldContain("ReturnUrl=%2FAccount%2FOrders");
    }
}

public sealed class MyOrdersListOnSqlite() : MyOrdersList(Provider.Sqlite);

public sealed class MyOrdersListOnPostgres() : MyOrdersList(Provider.Postgres);
