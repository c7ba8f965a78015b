using CancellationPortal.BackOffice.Tests.Support;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The request's page: order and shopper beside the decision, a timeline people can follow, confirmations that name the money.</summary>
[Collection(SqliteCollection.Name)]
public sealed class TheRequestPage(SqliteBackOffice app) : PageTest(app)
{
    [Fact]
    public async Task CompletingAsksInADialogThatStatesTheAmountAndTheMethod()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await AcceptAsync(client, seeded);

        var asked = await Html.ReadAsync(await client.SubmitAsync(page.Form("Complete"), Decision(method: "BankTransfer")));

        var dialog = asked.Document.QuerySelector("dialog[data-testid=confirmation]")!;
        dialog.HasAttribute("open").ShouldBeTrue();
        dialog.GetAttribute("aria-labelledby").ShouldBe("confirm-heading");
        asked.ConfirmationText.ShouldContain("refund EUR 65.00 by bank transfer");
        dialog.QuerySelectorAll("button").Select(b => b.TextContent).ShouldBe(["Confirm: cancel the order", "Go back"]);
        (await App.RequestAsync(seeded.RequestId)).Decision.ShouldBeNull();
    }

    [Fact]
    public async Task OrderAndShopperSitBesideTheDecisionAndActions()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await AcceptAsync(client, seeded);

        var columns = page.Document.QuerySelectorAll("main > .row > div").ToList();
        columns.Count.ShouldBe(2);
        columns[0].QuerySelector("section[aria-labelledby=order-heading]")!.TextContent.ShouldContain(BackOfficeApp.Shopper);
        columns[1].QuerySelector("section[aria-labelledby=actions-heading]")!.QuerySelector("form")!.GetAttribute("action")!.ShouldContain("handler=Complete");
        page.Document.QuerySelector("[data-testid=request-status]")!.ClassList.ShouldContain("pill--progress");
    }

    [Fact]
    public async Task TimesSayTheyAreInUtcAndAStaffNoteReadsAsAComment()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);

        var done = await client.FollowAsync(await CompleteAsync(client, seeded, Decision()));

        var times = done.Document.QuerySelectorAll("main time").ToList();
        times.ShouldNotBeEmpty();
        times.ShouldAllBe(t => t.TextContent.EndsWith(" UTC", StringComparison.Ordinal) && t.GetAttribute("datetime")!.EndsWith('Z'));
        var note = done.Document.QuerySelectorAll("ol.timeline li").Single(li => li.QuerySelector(".timeline-comment") is not null);
        note.TextContent.Trim().ShouldStartWith($"{BackOfficeApp.Support} commented on");
        note.QuerySelector(".timeline-comment")!.TextContent.ShouldBe("Checked with the warehouse");
        done.Document.QuerySelectorAll("ol.timeline .timeline-icon").Length.ShouldBe(done.Document.QuerySelectorAll("ol.timeline li").Length);
    }
}
