using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Orders;

/// <summary>Another shopper's order answers 404 to every page and form, exactly like an order that does not exist.</summary>
public abstract class OtherShoppersOrders(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task OpeningItAnswersNotFoundWithoutItsData()
    {
        var other = await App.CreateShopperAsync(name: "Olive Other");
        var theirs = await App.PlaceOrderAsync(other, shape: o => o.UpdateFulfillment(Domain.Orders.FulfillmentStatus.Shipped, "UPS", "1Z999SECRET"));

        var page = await OpenOrderAsync(theirs.Number);

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Text.ShouldContain("Page not found");
        page.Text.ShouldNotContain(theirs.Number);
        page.Text.ShouldNotContain("1Z999SECRET");
        page.Text.ShouldNotContain("Olive Other");
    }

    [Theory]
    [InlineData("Confirm cancellation request")]
    [InlineData("Request cancellation")]
    [InlineData("Confirm withdrawal")]
    [InlineData("Withdraw cancellation request")]
    public async Task ItsFormsAnswerNotFoundAndChangeNothing(string button)
    {
        var mine = await App.PlaceOrderAsync(Shopper);
        var other = await App.CreateShopperAsync();
        var theirs = await App.PlaceOrderAsync(other);
        WebPage page;
        if (button.Contains("withdraw", StringComparison.OrdinalIgnoreCase))
        {
            await App.RequestAsShopperAsync(other, theirs);
            await App.RequestAsShopperAsync(Shopper, mine);
            page = await OpenOrderAsync(mine.Number);
            if (button == "Confirm withdrawal")
            {
                page = await Browser.SubmitAsync(page, "Withdraw cancellation request");
            }
        }
        else
        {
            page = button == "Request cancellation"
                ? await OpenOrderAsync(mine.Number)
                : await StartRequestAsync(mine.Number, nameof(ShopperReason.ChangedMind));
        }

        var form = page.FormWithButton(button);
        PortalBrowser.Fill(form, button == "Request cancellation" ? new Dictionary<string, string> { ["Input.Reason"] = nameof(ShopperReason.ChangedMind) } : null);
        form.Action = form.Action.Replace(mine.Number, theirs.Number, StringComparison.Ordinal);
        var before = await RequestsOfAsync(theirs.Id);

        var refused = await Browser.ReplayAsync(form, button);

        refused.Status.ShouldBe(HttpStatusCode.NotFound);
        refused.Text.ShouldNotContain(theirs.Number);
        (await RequestsOfAsync(theirs.Id)).ShouldBe(before);
    }

    private Task<List<string>> RequestsOfAsync(Guid orderId) => App.WithDbAsync(async db =>
        (await db.CancellationRequests.AsNoTracking().Where(r => r.OrderId == orderId).Select(r => new { r.Id, r.Status, r.Version }).ToListAsync())
            .Select(r => $"{r.Id} {r.Status} {r.Version}").ToList());
}

public sealed class OtherShoppersOrdersOnSqlite() : OtherShoppersOrders(Provider.Sqlite);

public sealed class OtherShoppersOrdersOnPostgres() : OtherShoppersOrders(Provider.Postgres);
