using System.Globalization;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice.Tests;

public abstract class TheDashboard(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task EachCountLinksToTheQueueShowingExactlyThoseRequests()
    {
        var seeded = await SeedOneOfEachAsync();
        var client = await StaffAsync();
        var dashboard = await client.GetPageAsync("/");

        var tiles = dashboard.Document.QuerySelectorAll("a[data-testid^=tile-]").ToList();
        tiles.Select(t => t.GetAttribute("data-testid")).ShouldBe(
            ["tile-Waiting", "tile-Overdue", "tile-RefundsFailed", "tile-RefundsPendingOverADay", "tile-Disputes", "tile-AwaitingRepayment"]);
        foreach (var tile in tiles)
        {
            var name = tile.GetAttribute("data-testid")!;
            var count = int.Parse(tile.QuerySelector(".bo-tile-count")!.TextContent, CultureInfo.InvariantCulture);
            var href = tile.GetAttribute("href")!;
            var queue = await client.GetPageAsync(href);

            // The queue counts what the tile counted, in the tab it opens on.
            var current = queue.Document.QuerySelector(".queue-tabs a[aria-current=page]")!.TextContent.Trim();
            current.ShouldEndWith($"({count})", customMessage: name);
            count.ShouldBeGreaterThan(0, name);

            // And the request seeded for that tile is among them.
            var mine = await client.GetPageAsync($"{href}&q={seeded[name]}");
            mine.Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1, $"{name}: {href}");
        }
    }

    [Fact]
    public async Task AFlagLinkSaysWhatItShowsAndSearchingKeepsIt()
    {
        var seeded = await SeedOneOfEachAsync();
        var client = await StaffAsync();

        var failed = await client.GetPageAsync("/Requests?flag=RefundFailed");
        failed.Document.QuerySelector("[data-testid=queue-filter]")!.TextContent.ShouldContain("a refund failed");
        failed.Document.QuerySelector(".queue-tabs a[aria-current=page]")!.TextContent.ShouldStartWith("All statuses");
        var search = failed.Document.QuerySelector("main form[role=search]")!;
        search.QuerySelector("input[name=flag]")!.GetAttribute("value").ShouldBe("RefundFailed");

        // A disputed order's request is not one with a failed refund.
        (await client.GetPageAsync($"/Requests?flag=RefundFailed&q={seeded["tile-Disputes"]}")).Text.ShouldContain("No requests match.");
        (await client.GetPageAsync("/Requests?flag=Bogus")).Status.ShouldBe(System.Net.HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TodayAndThisWeekCountRequestsReceivedAndOrdersCanceled()
    {
        var client = await StaffAsync();
        var before = await ActivityAsync(client);

        var seeded = await App.SeedAsync(requestedAt: App.Clock.GetUtcNow().AddMinutes(-5));
        await CompleteAsync(client, await AcceptedAsync(client, seeded), Decision());
        var after = await ActivityAsync(client);

        after["today"].ShouldBe((before["today"].Requested + 1, before["today"].Canceled + 1));
        after["this-week"].ShouldBe((before["this-week"].Requested + 1, before["this-week"].Canceled + 1));
    }

    private async Task<Seeded> AcceptedAsync(HttpClient client, Seeded seeded)
    {
        await AcceptAsync(client, seeded);
        return seeded;
    }

    private static async Task<Dictionary<string, (int Requested, int Canceled)>> ActivityAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/");
        return new[] { "today", "this-week" }.ToDictionary(
            id => id,
            id =>
            {
                var cells = page.Document.QuerySelectorAll($"[data-testid={id}] td").Select(c => int.Parse(c.TextContent, CultureInfo.InvariantCulture)).ToList();
                return (cells[0], cells[1]);
            });
    }

    /// <summary>One request for each tile, by the order number that finds it.</summary>
    private async Task<Dictionary<string, string>> SeedOneOfEachAsync()
    {
        var now = App.Clock.GetUtcNow();
        var staff = Actor.Staff("s", "Sue Support");
        var waiting = await App.SeedAsync();
        var overdue = await App.SeedAsync(requestedAt: now.AddDays(-30));
        var failed = await App.SeedAsync();
        await App.ChangeRequestAsync(failed.RequestId, r =>
        {
            // A bank transfer that will not be made is a failed refund, until another way is chosen.
            r.Accept(staff, now);
            var transfer = r.Decide(BackOfficeApp.RefundInFull(RefundMethod.BankTransfer), BackOfficeApp.AllRefundMethods, staff, now).Value.ShouldNotBeNull();
            r.CancelBankTransfer(transfer.Id, staff, now).IsSuccess.ShouldBeTrue();
        });
        var pending = await App.SeedAsync();
        await App.ChangeRequestAsync(pending.RequestId, r =>
        {
            r.Accept(staff, now);
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.BankTransfer), BackOfficeApp.AllRefundMethods, staff, now.AddDays(-2)).Error.ShouldBeNull();
        });

        var disputed = await App.SeedAsync();
        await App.ChangeRequestAsync(disputed.RequestId, r => r.Order.SetDisputed(true));
        var repaying = await App.SeedAsync();
        await App.ChangeRequestAsync(repaying.RequestId, r =>
        {
            r.Accept(staff, now);
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), BackOfficeApp.AllRefundMethods, staff, now).Error.ShouldBeNull();
            r.Undo(staff, "The shopper keeps the order", backorder: false, BackOfficeApp.SpentEverything, now).IsSuccess.ShouldBeTrue();
        });
        return new()
        {
            ["tile-Waiting"] = waiting.Number,
            ["tile-Overdue"] = overdue.Number,
            ["tile-RefundsFailed"] = failed.Number,
            ["tile-RefundsPendingOverADay"] = pending.Number,
            ["tile-Disputes"] = disputed.Number,
            ["tile-AwaitingRepayment"] = repaying.Number,
        };
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheDashboardOnSqlite(SqliteBackOffice app) : TheDashboard(app);

[Collection(PostgresCollection.Name)]
public sealed class TheDashboardOnPostgres(PostgresBackOffice app) : TheDashboard(app);
