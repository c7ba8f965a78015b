using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class CancelingAnOrderNobodyAskedFor(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task StaffCancelAnOutOfStockOrderWithTheDecisionForm()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");

        var done = await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form(), new()
        {
            ["Input.Reason"] = nameof(DecisionReason.OutOfStock),
            ["Input.Method"] = "StoreCredit",
            ["Input.ReasonNote"] = "Supplier discontinued the teapot",
        }));

        done.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
        await using var db = App.CreateContext();
        var request = await db.CancellationRequests.AsNoTracking().SingleAsync(r => r.OrderId == seeded.OrderId);
        request.RequestedByKind.ShouldBe(ActorKind.Staff);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Decision!.Reason.ShouldBe(DecisionReason.OutOfStock);
        (await db.StoreCreditEntries.SingleAsync(e => e.Description.Contains(seeded.Number))).Amount.ShouldBe(65m);
    }

    [Fact]
    public async Task AShippedOrderIsRefusedAndNoRequestIsOpened()
    {
        var seeded = await App.SeedAsync(withRequest: false);
        var client = await StaffAsync();
        var page = await client.GetPageAsync($"/Orders/Cancel?number={seeded.Number}");
        await using (var db = App.CreateContext())
        {
            (await db.Orders.SingleAsync(o => o.Id == seeded.OrderId)).UpdateFulfillment(FulfillmentStatus.Shipped, "DHL", "TRK1");
            await db.SaveChangesAsync();
        }

        var refused = await RefusedAsync(
            await client.SubmitConfirmedAsync(page.Form(), new() { ["Input.Reason"] = nameof(DecisionReason.OutOfStock), ["Input.Method"] = "StoreCredit" }),
            HttpStatusCode.Conflict);

        refused.Alert.ShouldContain("returned instead");
        await using var check = App.CreateContext();
        (await check.CancellationRequests.AnyAsync(r => r.OrderId == seeded.OrderId)).ShouldBeFalse();
    }

    [Fact]
    public async Task AnUnknownOrderNumberAnswers404()
    {
        var client = await StaffAsync();

        var page = await client.GetPageAsync("/Orders/Cancel?number=NO-SUCH-ORDER");

        page.Status.ShouldBe(HttpStatusCode.NotFound);
        page.Alert.ShouldContain("No order with number NO-SUCH-ORDER.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CancelingAnOrderNobodyAskedForOnSqlite(SqliteBackOffice app) : CancelingAnOrderNobodyAskedFor(app);

[Collection(PostgresCollection.Name)]
public sealed class CancelingAnOrderNobodyAskedForOnPostgres(PostgresBackOffice app) : CancelingAnOrderNobodyAskedFor(app);
