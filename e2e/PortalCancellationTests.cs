using CancellationPortal.Domain.Orders;
using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class PortalCancellationTests(StoreFixture store) : BrowserTest(store)
{
    private const string DemoShopper = "shopper@example.com";

    [Fact]
    public async Task ANewShopperRegistersRequestsACancellationAndWithdrawsIt()
    {
        var page = await NewPageAsync();
        var account = new PortalAccountPages(page, Store.Portal.BaseUrl);
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        const string password = "Browser-Shopper-2026";

        await account.RegisterAsync(email, password);
        (await account.Main.InnerTextAsync()).ShouldContain("Please check your email to confirm your account.");
        var confirmation = await StoreData.WaitForMailAsync(Store, email, "Confirm your email");
        await account.ConfirmAsync(StoreData.Link(confirmation));
        (await account.Main.InnerTextAsync()).ShouldContain("Thank you for confirming your email.");
        var number = await StoreData.PlaceOrderAsync(Store, email);
        await account.SignInAsync(email, password);

        var orders = new PortalOrderPages(page, Store.Portal.BaseUrl);
        await orders.OpenFromMyOrdersAsync(number);
        (await orders.Status.InnerTextAsync()).ShouldBe("Processing");
        await orders.RequestCancellationAsync("Changed my mind", "Bought it twice");

        (await orders.Status.InnerTextAsync()).ShouldBe("Cancellation requested");
        (await orders.Confirmation.InnerTextAsync()).ShouldContain($"Your cancellation request for order {number} was received on");
        var mail = await StoreData.WaitForMailAsync(Store, email, $"We received your request to cancel order {number}");
        mail.ShouldContain("Changed my mind");
        mail.ShouldContain("Bought it twice");

        await orders.WithdrawAsync();

        (await orders.Status.InnerTextAsync()).ShouldBe("Processing");
        (await orders.Confirmation.InnerTextAsync()).ShouldContain($"You withdrew your cancellation request for order {number}");
        await StoreData.WaitForMailAsync(Store, email, $"You withdrew your cancellation request for order {number}");
        (await orders.RequestButton.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task AShippedOrderShowsHowToReturnItAndNoCancelButton()
    {
        var number = await StoreData.PlaceOrderAsync(Store, DemoShopper, o => o.UpdateFulfillment(FulfillmentStatus.Shipped, "DHL", "JJD000E2E"));
        var page = await NewPageAsync();
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync(DemoShopper, StoreFixture.DemoPassword);
        var orders = new PortalOrderPages(page, Store.Portal.BaseUrl);

        await orders.OpenFromMyOrdersAsync(number);

        (await orders.Status.InnerTextAsync()).ShouldBe("Shipped");
        await orders.ReturnHeading.WaitForAsync();
        (await orders.ReturnSteps.CountAsync()).ShouldBe(4);
        (await orders.RequestButton.CountAsync()).ShouldBe(0);
        (await orders.ConfirmRequestButton.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task OnAPhoneTheRequestFormFitsTheScreenAndWorksByKeyboard()
    {
        var number = await StoreData.PlaceOrderAsync(Store, DemoShopper);
        var page = await NewPageAsync(width: 390, height: 844);
        await new PortalAccountPages(page, Store.Portal.BaseUrl).SignInAsync(DemoShopper, StoreFixture.DemoPassword);
        var orders = new PortalOrderPages(page, Store.Portal.BaseUrl);

        await orders.OpenAsync(number);

        (await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        await page.GetByLabel("Why do you want to cancel?").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("document.activeElement.textContent.trim()")).ShouldBe("Request cancellation");
        await page.Keyboard.PressAsync("Enter");
        await orders.ConfirmRequestButton.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.GetByRole(AriaRole.Status).WaitForAsync();
        (await orders.Status.InnerTextAsync()).ShouldBe("Cancellation requested");
    }
}
