using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>Pressing confirm twice, one after the other or at once, creates one request; the page shows it.</summary>
public abstract class DoubleSubmission(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task ASecondSubmitShowsTheExistingRequest()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        var form = confirm.FormWithButton("Confirm cancellation request");

        var first = await Browser.ReplayAsync(form, "Confirm cancellation request");
        var second = await Browser.ReplayAsync(form, "Confirm cancellation request");

        first.Status.ShouldBe(HttpStatusCode.OK);
        second.Status.ShouldBe(HttpStatusCode.Conflict);
        second.Text.ShouldContain("A cancellation has already been requested for this order.");
        second.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation requested");
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(1);
        (await App.OutboxMailAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TwoSubmitsAtOnceCreateOneRequest()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        var form = confirm.FormWithButton("Confirm cancellation request");

        var pages = await Task.WhenAll(
            Browser.ReplayAsync(form, "Confirm cancellation request"),
            Browser.ReplayAsync(form, "Confirm cancellation request"),
            Browser.ReplayAsync(form, "Confirm cancellation request"));

        pages.Count(p => p.Status == HttpStatusCode.OK).ShouldBe(1);
        pages.Count(p => p.Status == HttpStatusCode.Conflict).ShouldBe(2);
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(1);
        (await App.OutboxMailAsync()).Count.ShouldBe(1);
    }
}

public sealed class DoubleSubmissionOnSqlite() : DoubleSubmission(Provider.Sqlite);

public sealed class DoubleSubmissionOnPostgres() : DoubleSubmission(Provider.Postgres);
