using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.BackOffice.Tests;

public abstract class AcceptingARequest(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AcceptingMovesTheRequestInProgressAssignsItAndEmailsTheShopper()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await AcceptAsync(client, seeded);

        page.Text.ShouldContain("Request accepted and assigned to you.");
        page.HasForm("Accept").ShouldBeFalse();
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.AssignedToName.ShouldBe(BackOfficeApp.Support);
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.Accepted);
        (await App.MailSubjectsAsync(seeded.Number)).ShouldContain($"{BackOfficeApp.Shopper}: Your cancellation of order {seeded.Number} is being processed");
    }

    [Fact]
    public async Task TheTimelineNamesAStatusOnlyWhereAStepChangedIt()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();

        var page = await AcceptAsync(client, seeded);

        var steps = page.Document.QuerySelectorAll("ol.timeline li").Select(li => li.TextContent.Trim()).ToList();
        steps[0].ShouldStartWith("Cancellation requested by");
        steps[0].ShouldNotContain("(Cancellation requested)");
        steps[1].ShouldStartWith("Accepted by");
        steps[1].ShouldContain("(Cancellation requested → Cancellation in progress)");
    }

    [Fact]
    public async Task AcceptingAnAlreadyAcceptedRequestIsRefusedAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var stale = await client.GetPageAsync(seeded.Url);
        await client.FollowAsync(await client.SubmitAsync(stale.Form("Accept")));
        var before = await App.RequestAsync(seeded.RequestId);

        // The fresh version on the form, so only the rule (not the concurrency check) can refuse it.
        var response = await client.SubmitAsync(stale.Form("Accept"), new() { ["Input.Version"] = before.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var page = await RefusedAsync(response, HttpStatusCode.Conflict);
        page.Alert.ShouldContain("cannot be accepted");
        (await App.RequestAsync(seeded.RequestId)).Version.ShouldBe(before.Version);
    }
}

public abstract class RejectingARequest(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task RejectingWithAReasonClosesTheRequestAndTellsTheShopperWhy()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        var after = await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = "Already packed and labelled." }));

        after.Text.ShouldContain("Already packed and labelled.");
        (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Rejected);
        (await App.MailSubjectsAsync(seeded.Number)).ShouldContain($"{BackOfficeApp.Shopper}: We could not cancel order {seeded.Number}");
    }

    [Fact]
    public async Task RejectingWithoutAReasonIsRefusedAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        var refused = await RefusedAsync(await client.SubmitConfirmedAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = " " }), HttpStatusCode.BadRequest);

        refused.Alert.ShouldContain("Give the shopper a reason");
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.Version.ShouldBe(0);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AcceptingARequestOnSqlite(SqliteBackOffice app) : AcceptingARequest(app);

[Collection(PostgresCollection.Name)]
public sealed class AcceptingARequestOnPostgres(PostgresBackOffice app) : AcceptingARequest(app);

[Collection(SqliteCollection.Name)]
public sealed class RejectingARequestOnSqlite(SqliteBackOffice app) : RejectingARequest(app);

[Collection(PostgresCollection.Name)]
public sealed class RejectingARequestOnPostgres(PostgresBackOffice app) : RejectingARequest(app);
