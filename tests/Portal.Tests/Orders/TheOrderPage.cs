using System.Net;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Portal.Tests.Orders;

/// <summary>The order page shows lines, totals, payment, shipping and tracking.</summary>
public abstract class TheOrderPage(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task ShowsLinesTotalsPaymentAndTracking()
    {
        var order = await App.PlaceOrderAsync(Shopper, shape: o => o.UpdateFulfillment(FulfillmentStatus.InTransit, "DHL", "JJD0099887766", "Arrived at hub"));

        var page = await OpenOrderAsync(order.Number);

        page.Status.ShouldBe(HttpStatusCode.OK);
        var lines = page.Document.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        lines.ShouldBe(["Blue teapot (SKU-0001) | 2 | EUR 19.50 | EUR 39.00", "Tea cosy (SKU-0002) | 1 | EUR 8.00 | EUR 8.00"]);
        var totals = page.Document.QuerySelectorAll("tfoot tr").Select(r => string.Join(" ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        totals.ShouldBe(["Subtotal EUR 47.00", "Shipping EUR 4.95", "Total EUR 51.95"]);
        var facts = page.Document.QuerySelectorAll("dt").ToDictionary(dt => dt.TextContent.Trim(), dt => dt.NextElementSibling!.TextContent.Trim());
        facts["Method"].ShouldBe("Card");
        facts["Paid"].ShouldBe("EUR 51.95");
        facts["Shipping status"].ShouldBe("In transit");
        facts["Carrier"].ShouldBe("DHL");
        facts["Tracking number"].ShouldBe("JJD0099887766");
        facts["Latest tracking update"].ShouldBe("Arrived at hub");
    }
}

public sealed class TheOrderPageOnSqlite() : TheOrderPage(Provider.Sqlite);

public sealed class TheOrderPageOnPostgres() : TheOrderPage(Provider.Postgres);
