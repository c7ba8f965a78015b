using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;

namespace CancellationPortal.BackOffice.Tests;

public abstract class BadInputOnTheDecisionForm(BackOfficeApp app) : PageTest(app)
{
    [Theory]
    [InlineData("abc", "Enter the amount as digits", HttpStatusCode.BadRequest)]
    [InlineData("-5", "no thousands separators, signs", HttpStatusCode.BadRequest)]
    [InlineData("1e3", "exponents", HttpStatusCode.BadRequest)]
    [InlineData("1,000.00", "no thousands separators", HttpStatusCode.BadRequest)]
    [InlineData("65.01", "more than what is left to refund", HttpStatusCode.UnprocessableEntity)]
    [InlineData("10.001", "EUR amounts have at most 2 decimals.", HttpStatusCode.BadRequest)]
    public async Task ABadAmountIsRefusedWithAMessageAndChangesNothing(string amount, string message, HttpStatusCode status)
    {
        var (seeded, client, version) = await AcceptedAsync();

        var page = await RefusedAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: amount, keptReason: "fee")), status);

        page.Alert.ShouldContain(message);
        page.Document.QuerySelector("[data-valmsg-for='Input.Decision.Amount']")!.TextContent.ShouldContain(message);
        await NothingChangedAsync(seeded, version);
    }

    [Theory]
    [InlineData("3,14")]
    [InlineData("3.14")]
    public async Task ADecimalCommaOrPointRefundsExactlyThatAmount(string amount)
    {
        var (seeded, client, _) = await AcceptedAsync();

        await client.FollowAsync(await CompleteAsync(client, seeded, Decision("StoreCredit", amount: amount, keptReason: "Restocking fee")));

        (await App.RefundsAsync(seeded.RequestId)).ShouldHaveSingleItem().Amount.ShouldBe(3.14m);
        (await App.RequestAsync(seeded.RequestId)).Decision!.RefundAmount.ShouldBe(3.14m);
    }

    [Theory]
    [InlineData("Input.Decision.Method", "Cheque")]
    [InlineData("Input.Decision.Reason", "BecauseISaidSo")]
    [InlineData("Input.Decision.Method", "")]
    public async Task AnUnknownMethodOrReasonIsRefusedAndChangesNothing(string field, string value)
    {
        var (seeded, client, version) = await AcceptedAsync();
        var values = Decision("StoreCredit");
        values[field] = value;

        var page = await Html.ReadAsync(await CompleteAsync(client, seeded, values));

        ((int)page.Status).ShouldBeInRange(400, 499);
        page.Alert.ShouldNotBeEmpty();
        await NothingChangedAsync(seeded, version);
    }

    [Fact]
    public async Task AFormWithoutTheAntiforgeryTokenIsRefused()
    {
        var (seeded, client, version) = await AcceptedAsync();
        var page = await client.GetPageAsync(seeded.Url);
        var values = Decision("StoreCredit");
        values["__RequestVerificationToken"] = "forged";

        var response = await client.SubmitAsync(page.Form("Complete"), Confirmed(values));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await NothingChangedAsync(seeded, version);
    }

    [Fact]
    public async Task AnUnknownRequestAnswers404ToReadingAndToActing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);
        var unknown = $"/Requests/{Guid.NewGuid()}";

        (await client.GetPageAsync(unknown)).Status.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetPageAsync("/Requests/not-a-guid")).Status.ShouldBe(HttpStatusCode.NotFound);
        var form = page.Form("Accept");
        form.SetAttribute("action", $"{unknown}?handler=Accept");
        (await client.SubmitAsync(form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<(Seeded Seeded, HttpClient Client, long Version)> AcceptedAsync()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        return (seeded, client, (await App.RequestAsync(seeded.RequestId)).Version);
    }

    private async Task NothingChangedAsync(Seeded seeded, long version)
    {
        var request = await App.RequestAsync(seeded.RequestId);
        request.Version.ShouldBe(version);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.Decision.ShouldBeNull();
        (await App.RefundsAsync(seeded.RequestId)).ShouldBeEmpty();
    }
}

public abstract class BadInputOnTheRejectForm(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ARejectionReasonLongerThanTheColumnIsRefusedWithAMessageAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);
        var tooLong = new string('x', CancellationRequest.MaxRejectionReasonLength + 1);

        var refused = await RefusedAsync(await client.SubmitConfirmedAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = tooLong }), HttpStatusCode.BadRequest);

        refused.Alert.ShouldContain($"at most {CancellationRequest.MaxRejectionReasonLength} characters");
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.RejectionReason.ShouldBeNull();
        request.Version.ShouldBe(0);
    }

    [Fact]
    public async Task AConfirmedRejectionWithoutAReasonIsRefusedBesideTheReasonAndChangesNothing()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);

        // A confirmation posted straight away (a stale or crafted form) never saw the preview's check.
        var response = await client.SubmitAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = "  ", [Confirmation.ConfirmedField] = "true" });

        var refused = await RefusedAsync(response, HttpStatusCode.BadRequest);
        var beside = refused.Document.QuerySelector("[data-valmsg-for='Input.RejectReason']")!.TextContent;
        beside.ShouldBe("Give the shopper a reason for the rejection.");
        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Requested);
        request.Version.ShouldBe(0);
    }

    [Fact]
    public async Task ARejectionReasonOfExactlyTheLimitIsAccepted()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        var page = await client.GetPageAsync(seeded.Url);
        var longest = new string('x', CancellationRequest.MaxRejectionReasonLength);

        await client.FollowAsync(await client.SubmitConfirmedAsync(page.Form("Reject"), new() { ["Input.RejectReason"] = longest }));

        var request = await App.RequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Rejected);
        request.RejectionReason.ShouldBe(longest);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BadInputOnTheDecisionFormOnSqlite(SqliteBackOffice app) : BadInputOnTheDecisionForm(app);

[Collection(PostgresCollection.Name)]
public sealed class BadInputOnTheDecisionFormOnPostgres(PostgresBackOffice app) : BadInputOnTheDecisionForm(app);

[Collection(SqliteCollection.Name)]
public sealed class BadInputOnTheRejectFormOnSqlite(SqliteBackOffice app) : BadInputOnTheRejectForm(app);

[Collection(PostgresCollection.Name)]
public sealed class BadInputOnTheRejectFormOnPostgres(PostgresBackOffice app) : BadInputOnTheRejectForm(app);
