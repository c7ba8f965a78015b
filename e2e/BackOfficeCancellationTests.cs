using System.Text.RegularExpressions;
using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class BackOfficeCancellationTests(StoreFixture store) : BrowserTest(store)
{
    private const string Shopper = "shopper@example.com";

    [Fact]
    public async Task SupportFindsARequestByOrderNumberAcceptsItAndCompletesItWithStoreCreditAndRestock()
    {
        var number = await StoreData.PlaceOrderAsync(Store, Shopper);
        await ShopperRequestsCancellationAsync(number);
        var page = await SupportSignsInAsync();
        var queue = new BackOfficeQueuePage(page, Store.BackOffice.BaseUrl);
        await queue.OpenAsync();

        await queue.SearchAsync(number);
        await Expect(queue.Rows).ToHaveCountAsync(1);
        await Expect(queue.RowOf(number)).ToContainTextAsync(Shopper);
        await queue.OpenRequestAsync(number);
        var request = new BackOfficeRequestPage(page);
        await Expect(request.Status).ToHaveTextAsync("Cancellation requested");
        await Expect(request.Order).ToContainTextAsync(Shopper);
        var sku = await request.FirstSkuAsync();
        var quantity = await request.FirstQuantityAsync();
        var stockBefore = await request.StockOfAsync(sku);

        await request.AcceptAsync();
        await Expect(request.Status).ToHaveTextAsync("Cancellation in progress");
        await request.CompleteAsync("Customer request", "Store credit", restock: true);

        await Expect(request.StatusMessage).ToHaveTextAsync("Decision recorded.");
        await Expect(request.Status).ToHaveTextAsync("Canceled");
        (await request.StockOfAsync(sku)).ShouldBe(stockBefore + quantity);
        var refund = (await request.RefundsAsync()).ShouldHaveSingleItem();
        refund["Method"].ShouldBe("store credit");
        refund["Status"].ShouldBe("Succeeded");
        await ShopperSeesTheOrderCanceledAsync(number);
    }

    [Fact]
    public async Task SupportRefundsTheOriginalCardPaymentThroughTheSandboxAndBothAppsShowTheOrderCanceled()
    {
        var paymentReference = $"pi_e2e_{Guid.NewGuid():N}";
        var number = await StoreData.PlaceOrderAsync(Store, Shopper, paymentReference: paymentReference);
        await ShopperRequestsCancellationAsync(number);
        var page = await SupportSignsInAsync();
        var queue = new BackOfficeQueuePage(page, Store.BackOffice.BaseUrl);
        await queue.OpenAsync();
        await queue.SearchAsync(number);
        await queue.OpenRequestAsync(number);
        var request = new BackOfficeRequestPage(page);
        await Expect(request.Order).ToContainTextAsync($"Card, paid EUR 28.95 ({paymentReference})");

        await request.AcceptAsync();
        await Expect(request.Status).ToHaveTextAsync("Cancellation in progress");
        await Expect(request.CardMethod).ToBeEnabledAsync();
        await Expect(request.CardMethod).ToHaveAccessibleDescriptionAsync(new Regex("Sandbox — no money moves"));
        await request.CompleteAsync("Customer request", "Original card payment", restock: false);

        await Expect(request.StatusMessage).ToHaveTextAsync("Decision recorded.");
        await Expect(request.Status).ToHaveTextAsync("Canceled");
        var refund = (await request.RefundsAsync()).ShouldHaveSingleItem();
        refund["Method"].ShouldBe("original card payment");
        refund["Amount"].ShouldBe("EUR 28.95");
        refund["Status"].ShouldBe("Succeeded");
        refund["Reference"].ShouldStartWith("re_sandbox_");
        refund["Failure reason"].ShouldBe("—");
        await ShopperSeesTheOrderCanceledAsync(number);
    }

    private async Task ShopperRequestsCancellationAsync(string number)
    {
        var page = await NewPageAsync();
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync(Shopper, StoreFixture.DemoPassword);
        var orders = new PortalOrderPages(page, Store.Portal.BaseUrl);
        await orders.OpenAsync(number);
        await orders.RequestCancellationAsync("Changed my mind", "Ordered the wrong colour");
        await Expect(orders.Status).ToHaveTextAsync("Cancellation requested");
    }

    private async Task<IPage> SupportSignsInAsync()
    {
        var page = await NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("support@example.com", StoreFixture.DemoPassword);
        return page;
    }

    /// <summary>The shopper signs in afresh and finds the order canceled in My orders and on its own page.</summary>
    private async Task ShopperSeesTheOrderCanceledAsync(string number)
    {
        var page = await NewPageAsync();
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync(Shopper, StoreFixture.DemoPassword);
        var orders = new PortalOrderPages(page, Store.Portal.BaseUrl);

        await orders.OpenMyOrdersAsync();
        await Expect(orders.StatusInMyOrders(number)).ToHaveTextAsync("Canceled");
        await orders.OpenFromMyOrdersAsync(number);
        await Expect(orders.Status).ToHaveTextAsync("Canceled");
    }
}
