using Microsoft.Playwright;

namespace CancellationPortal.E2E.Pages;

/// <summary>My orders and one order's page, with the cancellation request and withdrawal in two steps each.</summary>
public sealed class PortalOrderPages(IPage page, Uri baseUrl)
{
    public ILocator Status => page.GetByTestId("order-status");
    public ILocator Confirmation => page.GetByRole(AriaRole.Status);
    public ILocator RequestButton => page.GetByRole(AriaRole.Button, new() { Name = "Request cancellation" });
    public ILocator ConfirmRequestButton => page.GetByRole(AriaRole.Button, new() { Name = "Confirm cancellation request" });
    public ILocator ReturnHeading => page.GetByRole(AriaRole.Heading, new() { Name = "This order can no longer be canceled — return it instead" });
    public ILocator ReturnSteps => page.GetByRole(AriaRole.Region, new() { Name = "This order can no longer be canceled — return it instead" }).GetByRole(AriaRole.Listitem);

    /// <summary>The status in words of one order in the My orders list (its row's last cell).</summary>
    public ILocator StatusInMyOrders(string number) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = OrderLink(number) }).GetByRole(AriaRole.Cell).Last;

    /// <summary>Goes to My orders from the navigation.</summary>
    public async Task OpenMyOrdersAsync()
    {
        await page.GotoAsync(baseUrl.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "My orders", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "My orders", Level = 1 }).WaitForAsync();
    }

    /// <summary>Goes to My orders from the navigation and opens the order from the list.</summary>
    public async Task OpenFromMyOrdersAsync(string number)
    {
        await OpenMyOrdersAsync();
        await OrderLink(number).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"Order {number}", Level = 1 }).WaitForAsync();
    }

    public async Task OpenAsync(string number) => await page.GotoAsync(new Uri(baseUrl, $"/Account/Orders/{number}").ToString());

    public async Task RequestCancellationAsync(string reason, string comment)
    {
        await page.GetByLabel("Why do you want to cancel?").SelectOptionAsync(new SelectOptionValue { Label = reason });
        await page.GetByLabel("Comment").FillAsync(comment);
        await RequestButton.ClickAsync();
        await ConfirmRequestButton.ClickAsync();
    }

    public async Task WithdrawAsync()
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw cancellation request" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm withdrawal" }).ClickAsync();
    }

    private ILocator OrderLink(string number) => page.GetByRole(AriaRole.Link, new() { Name = $"Order {number}", Exact = true });
}
