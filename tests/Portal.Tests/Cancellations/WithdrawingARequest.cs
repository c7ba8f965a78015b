using System.Net;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests.Cancellations;

/// <summary>While Requested, the shopper withdraws with a confirmation step; an email confirms it.</summary>
public abstract class WithdrawingARequest(Provider provider) : SignedInShopperTest(provider)
{
    [Fact]
    public async Task WithdrawingTakesAConfirmationAndMailsTheShopper()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await Browser.SubmitAsync(await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind)), "Confirm cancellation request");

        var confirm = await Browser.SubmitAsync(requested, "Withdraw cancellation request");

        confirm.Status.ShouldBe(HttpStatusCode.OK);
        confirm.Text.ShouldContain("Withdraw your cancellation request?");
        (await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync())).Status.ShouldBe(CancellationStatus.Requested);

        var done = await Browser.SubmitAsync(confirm, "Confirm withdrawal");

        done.Status.ShouldBe(HttpStatusCode.OK);
        var request = await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync());
        request.Status.ShouldBe(CancellationStatus.Withdrawn);
        done.Text.ShouldContain($"You withdrew your cancellation request for order {order.Number} on");
        done.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Processing");
        done.Text.ShouldContain("Withdrawn by the shopper");
        done.HasButton("Withdraw cancellation request").ShouldBeFalse();
        done.HasButton("Request cancellation").ShouldBeTrue();
        var mails = await App.OutboxMailAsync();
        mails.Count.ShouldBe(2);
        mails[1].Subject.ShouldBe($"Your cancellation request for order {order.Number} was withdrawn");
    }

    [Fact]
    public async Task AnAcceptedRequestCannotBeWithdrawn()
    {
        var order = await App.PlaceOrderAsync(Shopper);
        var requested = await Browser.SubmitAsync(await StartRequestAsync(order.Number, nameof(ShopperReason.ChangedMind)), "Confirm cancellation request");
        var confirm = await Browser.SubmitAsync(requested, "Withdraw cancellation request");
        var request = await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync());
        await App.AcceptAsync(request.Id);

        var refused = await Browser.SubmitAsync(confirm, "Confirm withdrawal");

        refused.Status.ShouldBe(HttpStatusCode.Conflict);
        refused.Text.ShouldContain("only a request that has not been accepted yet can be withdrawn");
        refused.Document.QuerySelector("[data-testid=order-status]")!.TextContent.ShouldBe("Cancellation in progress");
        refused.HasButton("Withdraw cancellation request").ShouldBeFalse();
        (await App.WithDbAsync(db => db.CancellationRequests.AsNoTracking().SingleAsync())).Status.ShouldBe(CancellationStatus.InProgress);
    }
}

public sealed class WithdrawingARequestOnSqlite() : WithdrawingARequest(Provider.Sqlite);

public sealed class WithdrawingARequestOnPostgres() : WithdrawingARequest(Provider.Postgres);
