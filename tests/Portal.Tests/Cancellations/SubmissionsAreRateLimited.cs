using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>
/// Each shopper may submit a configured number of requests per window, however the submit handler is named in the
/// address; more answer 429 with a page that says when to try again and leads back to the order.
/// </summary>
public abstract class SubmissionsAreRateLimited(Provider provider) : SignedInShopperTest(provider)
{
    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["RateLimiting:CancellationRequests:PermitLimit"] = "2",
        ["RateLimiting:CancellationRequests:Window"] = "00:10:00",
    };

    [Fact]
    public async Task TheSubmissionOverTheLimitIsRefusedForThatShopperOnly()
    {
        var orders = new[] { await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper) };
        var confirmations = new List<WebPage>();
        foreach (var order in orders)
        {
            confirmations.Add(await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind)));
        }

        (await Browser.SubmitAsync(confirmations[0], "Confirm cancellation request")).Status.ShouldBe(HttpStatusCode.OK);
        (await Browser.SubmitAsync(confirmations[1], "Confirm cancellation request")).Status.ShouldBe(HttpStatusCode.OK);
        var limited = await Browser.SubmitAsync(confirmations[2], "Confirm cancellation request");

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Text.ShouldContain("Too many requests");
        limited.Text.ShouldContain("You can send it again in 10 minutes.");
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(2);

        var other = await App.CreateShopperAsync();
        var otherOrder = await App.PlaceOrderAsync(other);
        using var otherBrowser = App.NewBrowser();
        await otherBrowser.SignInAsync(other.Email, PortalApp.Password);
        var otherConfirm = await otherBrowser.SubmitAsync(
            await otherBrowser.GetAsync($"/Account/Orders/{otherOrder.Number}"),
            "Request cancellation",
            new Dictionary<string, string> { ["Input.Reason"] = nameof(ShopperReason.ChangedMind) });
        (await otherBrowser.SubmitAsync(otherConfirm, "Confirm cancellation request")).Status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task NamingTheSubmitHandlerTwiceOrInAnotherCaseStillCounts()
    {
        var orders = new[] { await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper) };
        var queries = new[] { "?handler=Confirm&handler=Confirm", "?handler=confirm", "?handler=Confirm&handler=Confirm" };
        var answers = new List<WebPage>();
        foreach (var (order, query) in orders.Zip(queries))
        {
            var confirmation = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
            confirmation.FormWithButton("Confirm cancellation request").Action = $"/Account/Orders/{order.Number}{query}";
            answers.Add(await Browser.SubmitAsync(confirmation, "Confirm cancellation request"));
        }

        answers.Select(a => a.Status).ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests]);
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(2);
    }

    [Fact]
    public async Task TheLimitPageSaysWhenToTryAgainAndLinksBackToTheOrder()
    {
        var orders = new[] { await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper), await App.PlaceOrderAsync(Shopper) };
        foreach (var order in orders[..2])
        {
            await Browser.SubmitAsync(await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind)), "Confirm cancellation request");
        }

        // A return address slipped into the form is not where the page leads back to.
        var confirmation = await StartRequestAsync(orders[2].Number, nameof(ShopperReason.ChangedMind));
        var form = confirmation.FormWithButton("Confirm cancellation request");
        form.Action += "&returnUrl=" + Uri.EscapeDataString("https://evil.example/");
        var limited = await Browser.SubmitAsync(confirmation, "Confirm cancellation request");

        limited.Status.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Text.ShouldContain("You can send it again in 10 minutes.");
        var back = limited.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == $"Back to order {orders[2].Number}");
        back.GetAttribute("href").ShouldBe($"/Account/Orders/{orders[2].Number}");
        limited.Document.QuerySelectorAll("a").ShouldAllBe(a => !(a.GetAttribute("href") ?? "").Contains("evil.example"));

        var orderPage = await Browser.GetAsync(back.GetAttribute("href")!);
        orderPage.Status.ShouldBe(HttpStatusCode.OK);
        orderPage.HasButton("Request cancellation").ShouldBeTrue();
    }
}

public sealed class SubmissionsAreRateLimitedOnSqlite() : SubmissionsAreRateLimited(Provider.Sqlite);

public sealed class SubmissionsAreRateLimitedOnPostgres() : SubmissionsAreRateLimited(Provider.Postgres);
