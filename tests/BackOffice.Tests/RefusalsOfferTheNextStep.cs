using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>A page that cannot do what staff came for says why and offers the next step: a button or a link.</summary>
public abstract class RefusalsOfferTheNextStep(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnOrderBeingPackedIsStoppedFromTheCancelPageAndItsCancellationFollows()
    {
        var seeded = await App.SeedAsync(withRequest: false, fulfillment: FulfillmentStatus.FulfillmentInProgress);

        var request = await StopFromTheCancelPageAsync(seeded, "must be reverted", "Revert fulfillment request");

        request.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Cancellation in progress");
        request.Text.ShouldContain("Fulfillment request reverted");
        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).FulfillmentStatus.ShouldBe(FulfillmentStatus.Unfulfilled);
        (await db.CancellationRequests.SingleAsync(r => r.OrderId == seeded.OrderId)).AssignedToName.ShouldBe(BackOfficeApp.Support);
    }

    [Fact]
    public async Task ADropShipOrderIsMarkedCanceledWithTheSupplierFromTheCancelPage()
    {
        var seeded = await App.SeedAsync(withRequest: false, supplier: SupplierOrderStatus.Placed);

        await StopFromTheCancelPageAsync(seeded, "canceled with the supplier first", "Mark canceled with supplier");

        await using var db = App.CreateContext();
        (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).SupplierStatus.ShouldBe(SupplierOrderStatus.Canceled);
    }

    [Fact]
    public async Task StoppingAnOrderThatNeedsNoStopIsRefusedWithTheReason()
    {
        var seeded = await App.SeedAsync(withRequest: false, fulfillment: FulfillmentStatus.FulfillmentInProgress);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");
        await using (var db = App.CreateContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).UpdateFulfillment(FulfillmentStatus.Shipped, "DHL", "TRK1");
            await db.SaveChangesAsync();
        }

        var refused = await RefusedAsync(await client.SubmitAsync(page.Form("Stop")), HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("returned instead");
        refused.Document.QuerySelectorAll("a[href='/Requests']").ShouldContain(a => a.TextContent == "Back to the queue");
    }

    [Fact]
    public async Task AnOrderWithAnOpenRequestLinksToIt()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");

        page.Document.QuerySelector($"a[href='{seeded.Url}']")!.TextContent.ShouldBe("Open the request");
    }

    [Fact]
    public async Task AnUndoAwaitingRepaymentSaysWhatTheShopperMustRepay()
    {
        var seeded = await App.SeedAsync();
        var staff = Actor.Staff("s", "Sue Support");
        var now = App.Clock.GetUtcNow();
        await App.ChangeRequestAsync(seeded.RequestId, r =>
        {
            r.Accept(staff, now);
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), BackOfficeApp.AllRefundMethods, staff, now).Error.ShouldBeNull();
            r.Undo(staff, "The shopper keeps the order", backorder: false, BackOfficeApp.SpentEverything, now).IsSuccess.ShouldBeTrue();
        });
        var client = await StaffAsync();

        var page = await client.GetPageAsync(seeded.Url);

        page.Document.QuerySelector("[data-testid=waiting-for]")!.TextContent.ShouldBe("Waiting for the shopper to repay EUR 65.00 before the order is active again.");
        page.Text.ShouldNotContain("No action is possible");
        page.Document.QuerySelectorAll("a[href='/Requests']").ShouldContain(a => a.TextContent == "Back to the queue");
    }

    [Fact]
    public async Task AClosedRequestSaysNothingIsLeftToDo()
    {
        var seeded = await App.SeedAsync();
        await App.ChangeRequestAsync(seeded.RequestId, r => r.Reject(Actor.Staff("s", "Sue Support"), "Already packed", App.Clock.GetUtcNow()));
        var client = await StaffAsync();

        var page = await client.GetPageAsync(seeded.Url);

        page.Document.QuerySelector("[data-testid=waiting-for]")!.TextContent.ShouldBe("The request was rejected. Nothing is left to do.");
    }

    /// <summary>Presses the cancel page's button that stops the order, and lands on the request page with the decision form.</summary>
    private async Task<HtmlPage> StopFromTheCancelPageAsync(Seeded seeded, string policy, string button)
    {
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");
        page.Document.QuerySelector("[data-testid=policy]")!.TextContent.ShouldContain(policy);
        page.Form("Stop").QuerySelector("button")!.TextContent.ShouldBe(button);

        var request = await client.FollowAsync(await client.SubmitAsync(page.Form("Stop")));

        request.HasForm("Complete").ShouldBeTrue(request.Text);
        return request;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RefusalsOfferTheNextStepOnSqlite(SqliteBackOffice app) : RefusalsOfferTheNextStep(app);

[Collection(PostgresCollection.Name)]
public sealed class RefusalsOfferTheNextStepOnPostgres(PostgresBackOffice app) : RefusalsOfferTheNextStep(app);
