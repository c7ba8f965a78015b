using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>Admin → Emails: the emails sent with their status and filters, a preview of every template, and a test email.</summary>
public abstract class TheEmailsPage(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AdminsSeeTheEmailsOfAnOrderAndFilterThoseThatDidNotArrive()
    {
        var seeded = await App.SeedAsync();
        await AcceptAsync(await StaffAsync(), seeded);
        await App.DeliveredMailAsync(seeded.Number);
        var admin = await App.SignInAsync(BackOfficeApp.Admin);

        var all = await admin.GetPageAsync($"/Admin/Emails?order={seeded.Number}");
        var row = all.Document.QuerySelector("[data-testid=emails] tbody tr").ShouldNotBeNull().TextContent;
        row.ShouldContain($"Your cancellation of order {seeded.Number} is being processed");
        row.ShouldContain("Request accepted");
        row.ShouldContain("Sent");
        (await admin.GetPageAsync($"/Admin/Emails?order={seeded.Number}&status=NotReceived")).Text.ShouldContain("No email matches.");

        await using (var db = App.CreateContext())
        {
            (await db.Outbox.SingleAsync(m => m.Topic == seeded.Number)).RecordDelivery(EmailDelivery.Dropped, "Bounced Address", App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        var notReceived = (await admin.GetPageAsync($"/Admin/Emails?order={seeded.Number}&status=NotReceived")).Document.QuerySelector("[data-testid=emails] tbody tr").ShouldNotBeNull().TextContent;
        notReceived.ShouldContain("Dropped by the mail service");
        notReceived.ShouldContain("Bounced Address");
    }

    [Fact]
    public async Task ThePreviewShowsTheCanceledEmailInTheStoresBrandInYen()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);

        var page = await admin.GetPageAsync("/Admin/Emails?preview=canceled&currency=JPY");

        page.Status.ShouldBe(HttpStatusCode.OK);
        page.Document.QuerySelector("[data-testid=preview-subject]")!.TextContent.ShouldContain("Order 10023 is canceled");
        page.Document.QuerySelector("[data-testid=preview-text]")!.TextContent.ShouldContain("We refunded JPY 25,600 by store credit. We kept JPY 800");
        var html = page.Document.QuerySelector("[data-testid=preview-html]")!.GetAttribute("srcdoc")!;
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("We refunded JPY 25,600 by store credit.");
        html.ShouldContain("href=\"http://localhost:5080/Account/Orders/10023\"");
    }

    [Theory]
    [InlineData("/Admin/Emails?preview=no-such-email&currency=EUR", HttpStatusCode.NotFound, "There is no such email to preview; choose one from the list.")]
    [InlineData("/Admin/Emails?preview=canceled&currency=XXX", HttpStatusCode.NotFound, "There is no such email to preview; choose one from the list.")]
    [InlineData("/Admin/Emails?status=Sideways", HttpStatusCode.BadRequest, "That is not a filter the Emails page knows.")]
    [InlineData("/Admin/Emails?before=-5", HttpStatusCode.BadRequest, "That is not a filter the Emails page knows.")]
    public async Task AnUnknownPreviewOrFilterIsRefusedWithAMessage(string url, HttpStatusCode status, string message)
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);

        var page = await admin.GetPageAsync(url);

        page.Status.ShouldBe(status);
        page.Text.ShouldContain(message);
    }

    [Fact]
    public async Task ATestEmailGoesThroughTheOutboxToTheAddressGiven()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var address = $"test-{Guid.NewGuid():N}@example.com";
        var page = await admin.GetPageAsync("/Admin/Emails");

        var done = await admin.FollowAsync(await admin.SubmitAsync(page.Form("SendTest"), new() { ["TestAddress"] = address }));

        done.Text.ShouldContain($"A test email to {address} is on its way");
        await using var db = App.CreateContext();
        var payloads = await db.Outbox.AsNoTracking().Where(m => m.Template == EmailTemplateNames.Test).Select(m => m.Payload).ToListAsync();
        payloads.Select(EmailMessage.FromJson).ShouldContain(m => m.To == address && m.Subject == "A test email from the back-office");
    }

    [Theory]
    [InlineData("", "Enter the address to send the test email to.")]
    [InlineData("not an address", "Enter an email address such as you@example.com.")]
    public async Task ATestEmailToNoAddressIsRefusedBesideTheField(string address, string message)
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var page = await admin.GetPageAsync("/Admin/Emails");

        var refused = await Html.ReadAsync(await admin.SubmitAsync(page.Form("SendTest"), new() { ["TestAddress"] = address }));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Document.QuerySelector("[data-valmsg-for=TestAddress]")!.TextContent.ShouldBe(message);
    }

    [Fact]
    public async Task SupportStaffCannotOpenTheEmailsPage()
    {
        var support = await StaffAsync();

        var response = await support.GetAsync("/Admin/Emails");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheEmailsPageOnSqlite(SqliteBackOffice app) : TheEmailsPage(app);

[Collection(PostgresCollection.Name)]
public sealed class TheEmailsPageOnPostgres(PostgresBackOffice app) : TheEmailsPage(app);
