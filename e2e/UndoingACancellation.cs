using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancellationPortal.E2E;

/// <summary>Support undo cancellations in the back-office; where money already went back, the shopper pays it in the portal.</summary>
[Collection(StoreCollection.Name)]
public sealed class UndoingACancellation(StoreFixture store) : BrowserTest(store)
{
    [Fact]
    public async Task SupportUndoesAStoreCreditCancellationAndTheOrderIsActiveAgainAtOnce()
    {
        var number = await StoreData.PlaceOrderAsync(Store, "shopper@example.com");
        var support = await CancelAsync(number, "Store credit");

        await UndoAsync(support);

        await Expect(support.GetByTestId("request-status")).ToHaveTextAsync("Cancellation undone");
        var shopper = await ShopperOpensAsync(number);
        await Expect(shopper.GetByTestId("active-again")).ToHaveTextAsync("Your order is active again.");
    }

    [Fact]
    public async Task AfterACardRefundTheShopperPaysInThePortalAndTheOrderIsActiveAgainInBothApps()
    {
        var number = await StoreData.PlaceOrderAsync(Store, "shopper@example.com");
        var support = await CancelAsync(number, "Original card payment");

        await UndoAsync(support);
        await Expect(support.GetByTestId("request-status")).ToHaveTextAsync("Undo awaiting repayment");

        var shopper = await ShopperOpensAsync(number);
        await Expect(shopper.GetByTestId("repayment-due")).ToHaveTextAsync("EUR 28.95");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Pay now" }).ClickAsync();
        await Expect(shopper.GetByTestId("sandbox-payment")).ToContainTextAsync("Sandbox — no money moves.");
        await shopper.GetByRole(AriaRole.Button, new() { Name = "Pay EUR 28.95 (sandbox)" }).ClickAsync();

        await Expect(shopper.GetByTestId("active-again")).ToHaveTextAsync("Your order is active again.");
        await support.ReloadAsync();
        await Expect(support.GetByTestId("request-status")).ToHaveTextAsync("Cancellation undone");
    }

    /// <summary>Support cancel the order from its page, refunding it all by <paramref name="method"/>; the request page is left open.</summary>
    private async Task<IPage> CancelAsync(string number, string method)
    {
        var page = await NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("support@example.com", StoreFixture.DemoPassword);
        await page.GotoAsync(new Uri(Store.BackOffice.BaseUrl, $"/Orders/Cancel?number={number}").ToString());
        await page.GetByLabel(method, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Confirm: cancel the order" }).ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Canceled");
        return page;
    }

    private static async Task UndoAsync(IPage request)
    {
        await request.GetByRole(AriaRole.Link, new() { Name = "Undo cancellation…" }).ClickAsync();
        await Expect(request.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Undo the cancellation of order");
        await request.GetByLabel("Reason", new() { Exact = true }).FillAsync("The shopper wants the teapot after all.");
        await request.GetByRole(AriaRole.Button, new() { Name = "Undo cancellation" }).ClickAsync();
    }

    private async Task<IPage> ShopperOpensAsync(string number)
    {
        var page = await NewPageAsync();
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync("shopper@example.com", StoreFixture.DemoPassword);
        await page.GotoAsync(new Uri(Store.Portal.BaseUrl, $"/Account/Orders/{number}").ToString());
        return page;
    }
}
