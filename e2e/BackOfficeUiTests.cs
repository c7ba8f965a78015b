using System.Text.RegularExpressions;
using CancellationPortal.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CancellationPortal.E2E;

[Collection(StoreCollection.Name)]
public sealed partial class BackOfficeUiTests(StoreFixture store) : BrowserTest(store)
{
    private static readonly string[] Tiles =
        ["Waiting for a decision", "Overdue", "Refunds failed", "Refunds pending over a day", "Disputes", "Awaiting repayment"];

    [Fact]
    public async Task EveryDashboardCountOpensTheQueueShowingThatManyRequests()
    {
        var page = await SupportSignsInAsync();
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);

        foreach (var label in Tiles)
        {
            await shell.OpenAsync("/");
            var tile = shell.Tile(label);
            var count = (await tile.InnerTextAsync()).Split('\n')[0].Trim();
            await tile.ClickAsync();

            await Expect(shell.Heading).ToHaveTextAsync("Cancellation queue");
            await Expect(shell.CurrentQueueTab).ToHaveTextAsync(new Regex($@"\({Regex.Escape(count)}\)$"));
        }
    }

    [Fact]
    public async Task StaffCancellingFromTheOrdersPageConfirmInADialogThatNamesTheAmountAndTheMethod()
    {
        var number = await StoreData.PlaceOrderAsync(Store, "shopper@example.com");
        var page = await SupportSignsInAsync();
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);
        await shell.FindOrderAsync(number);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Order {number}", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Cancel this order" }).ClickAsync();
        await page.GetByLabel("Store credit", new() { Exact = true }).CheckAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Please confirm" });
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("refund EUR 28.95 as store credit");

        // Escape goes back to the filled form; nothing was done.
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Store credit", new() { Exact = true })).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Confirm: cancel the order" }).ClickAsync();
        await Expect(page.GetByTestId("request-status")).ToHaveTextAsync("Canceled");
    }

    [Fact]
    public async Task JAndKMoveThroughTheQueueEnterOpensARequestAndQuestionMarkListsTheShortcuts()
    {
        var page = await SupportSignsInAsync();
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);
        await shell.OpenAsync("/Requests?status=Canceled");
        var links = page.GetByRole(AriaRole.Row).GetByRole(AriaRole.Link, new() { NameRegex = OrderLink() });

        await page.Keyboard.PressAsync("j");
        await Expect(links.Nth(0)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("j");
        await Expect(links.Nth(1)).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("k");
        await Expect(links.Nth(0)).ToBeFocusedAsync();

        await page.Keyboard.PressAsync("?");
        var help = page.GetByRole(AriaRole.Dialog, new() { Name = "Keyboard shortcuts" });
        await Expect(help).ToBeVisibleAsync();
        await Expect(help).ToContainTextAsync("Next request");
        await Expect(help).ToContainTextAsync("Open the request");
        await page.Keyboard.PressAsync("Escape");
        await Expect(help).ToBeHiddenAsync();

        var opened = (await links.Nth(0).InnerTextAsync()).Trim();
        await page.Keyboard.PressAsync("Enter");
        await Expect(shell.Heading).ToHaveTextAsync($"Cancellation of order {opened["Order ".Length..]}");
    }

    [Fact]
    public async Task OnAPhoneTheNavigationFoldsBehindAMenuButton()
    {
        var page = await SupportSignsInAsync(390, 844);
        var shell = new BackOfficeShell(page, Store.BackOffice.BaseUrl);
        await shell.OpenAsync("/");
        var orders = shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Orders" });

        await Expect(orders).ToBeHiddenAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "false");
        await shell.MenuButton.ClickAsync();
        await Expect(shell.MenuButton).ToHaveAttributeAsync("aria-expanded", "true");
        await orders.ClickAsync();

        await Expect(shell.Heading).ToHaveTextAsync("Orders");
        await Expect(orders).ToBeHiddenAsync();
    }

    private async Task<IPage> SupportSignsInAsync(int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(width, height);
        var signIn = new BackOfficeSignInPage(page, Store.BackOffice.BaseUrl);
        await signIn.OpenAsync();
        await signIn.SignInAsync("support@example.com", StoreFixture.DemoPassword);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Cancellations");
        return page;
    }

    [GeneratedRegex("^Order ")]
    private static partial Regex OrderLink();
}
