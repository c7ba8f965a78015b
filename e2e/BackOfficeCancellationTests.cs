using CancellationPortal.E2E.Pages;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed class BackOfficeCancellationTests(StoreFixture store)
{
    [Fact]
    public async Task SupportFindsARequestByOrderNumberAcceptsItAndCompletesItWithStoreCreditAndRestock()
    {
        var page = await store.NewPageAsync();
        var signIn = new BackOfficeSignInPage(page, store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("support@example.com", StoreFixture.DemoPassword);
        var queue = new BackOfficeQueuePage(page, store.BackOffice.BaseUrl);
        await queue.OpenAsync();
        var orderNumber = await queue.FirstOrderNumberAsync();

        await queue.SearchAsync(orderNumber);
        (await queue.Rows.CountAsync()).ShouldBe(1);
        await queue.OpenRequestAsync(orderNumber);
        var request = new BackOfficeRequestPage(page);
        (await request.Status.TextContentAsync()).ShouldBe("Cancellation requested");
        var sku = await request.FirstSkuAsync();
        var quantity = await request.FirstQuantityAsync();
        var stockBefore = await request.StockOfAsync(sku);

        await request.AcceptAsync();
        (await request.Status.TextContentAsync()).ShouldBe("Cancellation in progress");
        await request.CompleteWithStoreCreditAsync("Customer request", restock: true);

        (await request.StatusMessage.TextContentAsync()).ShouldBe("Decision recorded.");
        (await request.Status.TextContentAsync()).ShouldBe("Canceled");
        (await request.StockOfAsync(sku)).ShouldBeGreaterThanOrEqualTo(stockBefore + quantity);
        (await page.GetByText("Refund issued").CountAsync()).ShouldBeGreaterThan(0);
    }
}
