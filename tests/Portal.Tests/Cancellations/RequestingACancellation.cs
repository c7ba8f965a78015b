using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>An unshipped order: reason, comment, a confirmation step, then a timestamped confirmation and an email.</summary>
public abstract class RequestingACancellation(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task TheRequestIsConfirmedOnThePageAndByEmail()
    {
        var order = await App.PlaceOrderAsync(Shopper);

        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.FoundBetterPrice), "Cheaper next door");

        confirm.Status.ShouldBe(HttpStatusCode.OK);
        confirm.Text.ShouldContain("Please confirm");
        confirm.Text.ShouldContain("Found a better price");
        confirm.Text.ShouldContain("Cheaper next door");
        (await App.WithDbAsync(db => db.CancellationRequests.CountAsync())).ShouldBe(0);

        var done = await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        done.Status.ShouldBe(HttpStatusCode.OK);
        done.Url.AbsolutePath.ShouldBe($"/Account/Orders/{order.Number}");
        var request = await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync());
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.ShopperReason.ShouldBe(ShopperReason.FoundBetterPrice);
        request.Comment.ShouldBe("Cheaper next door");
        request.RequestedById.ShouldBe(Shopper.Id);
        done.Text.ShouldContain($"Your cancellation request for order {order.Number} was received on {EmailTemplates.Stamp(request.RequestedAt)}");
        done.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation requested");
        done.Text.ShouldContain("Our team reviews your request");
        done.Text.ShouldContain("Cancellation requested (now: cancellation requested)");
        done.HasButton("Request cancellation").ShouldBeFalse();
        done.HasButton("Withdraw cancellation request").ShouldBeTrue();

        var mail = (await App.OutboxMailAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe(Shopper.Email);
        mail.Subject.ShouldContain(order.Number);
        mail.TextBody.ShouldContain(EmailTemplates.Stamp(request.RequestedAt));
        mail.TextBody.ShouldContain("Found a better price");
        mail.TextBody.ShouldContain("Cheaper next door");

        var delivered = (await App.DeliverMailAsync()).ShouldHaveSingleItem();
        delivered.ShouldContain(order.Number);
    }

    [Fact]
    public async Task TheListShowsTheOrderAsCancellationRequested()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var confirm = await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind));
        await Browser.SubmitAsync(confirm, "Confirm cancellation request");

        var list = await Browser.GetAsync("/Account/Orders");

        var row = list.Document.QuerySelectorAll("tbody tr").ShouldHaveSingleItem();
        row.TextContent.ShouldContain(order.Number);
        row.TextContent.ShouldContain("Cancellation requested");
    }
}

public sealed class RequestingACancellationOnSqlite() : RequestingACancellation(Provider.Sqlite);

public sealed class RequestingACancellationOnPostgres() : RequestingACancellation(Provider.Postgres);
