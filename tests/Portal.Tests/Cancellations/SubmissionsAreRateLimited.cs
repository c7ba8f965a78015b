using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>Each shopper may submit a configured number of requests per window; more answer 429 with a clear page.</summary>
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
        limited.Text.ShouldContain("Please wait a minute, then try again");
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
}

public sealed class SubmissionsAreRateLimitedOnSqlite() : SubmissionsAreRateLimited(Provider.Sqlite);

public sealed class SubmissionsAreRateLimitedOnPostgres() : SubmissionsAreRateLimited(Provider.Postgres);
