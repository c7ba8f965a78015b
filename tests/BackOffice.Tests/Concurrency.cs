using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>Two staff members submit the same form on the same request at the same moment.</summary>
public abstract class TwoStaffActingAtOnce(BackOfficeApp app) : PageTest(app)
{
    private const int Rounds = 5;

    [Fact]
    public async Task AcceptingAtOnceLetsExactlyOneWinAndTellsTheOtherWhoChangedIt()
    {
        var sue = await App.SignInAsync(BackOfficeApp.Support);
        var otto = await App.SignInAsync(BackOfficeApp.OtherSupport);
        for (var round = 0; round < Rounds; round++)
        {
            var seeded = await App.SeedAsync();
            var sueForm = (await sue.GetPageAsync(seeded.Url)).Form("Accept");
            var ottoForm = (await otto.GetPageAsync(seeded.Url)).Form("Accept");

            var responses = await Task.WhenAll(sue.SubmitAsync(sueForm), otto.SubmitAsync(ottoForm));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
            var loser = await Html.ReadAsync(responses.Single(r => r.StatusCode != HttpStatusCode.Redirect));
            loser.Status.ShouldBe(HttpStatusCode.Conflict);
            var request = await App.RequestAsync(seeded.RequestId);
            loser.Alert.ShouldContain($"This request was changed by {request.AssignedToName} at");
            loser.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Cancellation in progress");
            request.AuditEntries.Count(a => a.Kind == AuditKind.Accepted).ShouldBe(1);
        }
    }

    [Fact]
    public async Task CompletingAtOnceIssuesOneRefundAndOneCreditNote()
    {
        var sue = await App.SignInAsync(BackOfficeApp.Support);
        var otto = await App.SignInAsync(BackOfficeApp.OtherSupport);
        for (var round = 0; round < Rounds; round++)
        {
            var seeded = await App.SeedAsync();
            await AcceptAsync(sue, seeded);
            var sueForm = (await sue.GetPageAsync(seeded.Url)).Form("Complete");
            var ottoForm = (await otto.GetPageAsync(seeded.Url)).Form("Complete");

            var responses = await Task.WhenAll(sue.SubmitAsync(sueForm, Confirmed(Decision("StoreCredit"))), otto.SubmitAsync(ottoForm, Confirmed(Decision("Points"))));

            responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).ShouldBe(1);
            var loser = await Html.ReadAsync(responses.Single(r => r.StatusCode != HttpStatusCode.Redirect));
            loser.Status.ShouldBe(HttpStatusCode.Conflict);
            loser.Alert.ShouldContain("This request was changed by");
            loser.Document.QuerySelector("[data-testid=request-status]")!.TextContent.ShouldBe("Canceled");
            (await App.RefundsAsync(seeded.RequestId)).Count.ShouldBe(1);
            await using var db = App.CreateContext();
            (await db.CreditNotes.CountAsync(c => c.RequestId == seeded.RequestId)).ShouldBe(1);
            (await db.StoreCreditEntries.CountAsync(e => e.Description.Contains(seeded.Number))
                + await db.PointsEntries.CountAsync(e => e.Description.Contains(seeded.Number))).ShouldBe(1);
            (await App.RequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.Canceled);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoStaffActingAtOnceOnSqlite(SqliteBackOffice app) : TwoStaffActingAtOnce(app);

[Collection(PostgresCollection.Name)]
public sealed class TwoStaffActingAtOnceOnPostgres(PostgresBackOffice app) : TwoStaffActingAtOnce(app);
