using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>A request's page lists the emails about its order with their status; a bounced shopper email flags the request until staff send it again.</summary>
public abstract class EmailsAboutARequest(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task TheRequestPageListsTheEmailsSentAboutItsOrderWithTheirStatus()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        await App.DeliveredMailAsync(seeded.Number);

        var rows = (await client.GetPageAsync(seeded.Url)).Document.QuerySelectorAll("[data-testid=request-emails] tbody tr").Select(r => r.TextContent).ToList();

        var row = rows.ShouldHaveSingleItem();
        row.ShouldContain(BackOfficeApp.Shopper);
        row.ShouldContain($"Your cancellation of order {seeded.Number} is being processed");
        row.ShouldContain("Sent");
        row.ShouldNotContain("Send again");
    }

    [Fact]
    public async Task ABouncedShopperEmailFlagsTheRequestUntilStaffSendItAgain()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        await App.DeliveredMailAsync(seeded.Number);
        var bounced = await BounceAsync(seeded.Number, "550 5.1.1 No such user");

        (await FlagsAsync(client, seeded)).ShouldContain("Shopper did not get the email");
        (await client.GetPageAsync($"/Requests?status=InProgress&flag=ShopperMissedEmail&q={seeded.Number}")).Document.QuerySelectorAll("tbody tr").Length.ShouldBe(1);
        var page = await client.GetPageAsync(seeded.Url);
        var row = page.Document.QuerySelector("[data-testid=request-emails] tbody tr")!.TextContent;
        row.ShouldContain("Bounced");
        row.ShouldContain("550 5.1.1 No such user");

        var done = await client.FollowAsync(await client.SubmitAsync(page.Form("ResendEmail")));

        done.Text.ShouldContain("The email is being sent again.");
        (await FlagsAsync(client, seeded)).ShouldNotContain("Shopper did not get the email");
        await using var db = App.CreateContext();
        var emails = await db.Outbox.AsNoTracking().Where(m => m.Topic == seeded.Number).ToListAsync();
        emails.Count.ShouldBe(2);
        var copy = emails.Single(m => m.Id != bounced);
        copy.Status.ShouldBe(OutboxStatus.Pending);
        copy.Payload.ShouldBe(emails.Single(m => m.Id == bounced).Payload);
        done.Document.QuerySelector("[data-testid=request-emails]")!.TextContent.ShouldContain("Sent again on");
    }

    [Fact]
    public async Task AnEmailThatArrivedIsNotSentAgain()
    {
        var seeded = await App.SeedAsync();
        var client = await StaffAsync();
        await AcceptAsync(client, seeded);
        await App.DeliveredMailAsync(seeded.Number);
        var bounced = await BounceAsync(seeded.Number, "mailbox full");
        var form = (await client.GetPageAsync(seeded.Url)).Form("ResendEmail");
        await using (var db = App.CreateContext())
        {
            db.EnqueueEmail(new EmailMessage(BackOfficeApp.Shopper, "Arrived", "Hello") { Template = EmailTemplateNames.ShopperUpdate }, seeded.Number, App.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await App.DeliveredMailAsync(seeded.Number);
        Guid arrived;
        await using (var db = App.CreateContext())
        {
            arrived = await db.Outbox.Where(m => m.Topic == seeded.Number && m.Id != bounced).Select(m => m.Id).SingleAsync();
        }

        var refused = await Html.ReadAsync(await client.SubmitAsync(form, new() { ["emailId"] = arrived.ToString() }));

        refused.Status.ShouldBe(HttpStatusCode.Conflict);
        refused.Alert.ShouldContain("This email was not refused, bounced or dropped: there is nothing to send again.");
    }

    private async Task<Guid> BounceAsync(string orderNumber, string reason)
    {
        await using var db = App.CreateContext();
        var email = await db.Outbox.SingleAsync(m => m.Topic == orderNumber);
        email.RecordDelivery(EmailDelivery.Bounced, reason, App.Clock.GetUtcNow());
        await db.SaveChangesAsync();
        return email.Id;
    }

    private static async Task<List<string>> FlagsAsync(HttpClient client, Seeded seeded) =>
        [.. (await client.GetPageAsync($"/Requests?status=InProgress&q={seeded.Number}")).Document.QuerySelectorAll("tbody tr .flag").Select(f => f.TextContent.Trim())];
}

[Collection(SqliteCollection.Name)]
public sealed class EmailsAboutARequestOnSqlite(SqliteBackOffice app) : EmailsAboutARequest(app);

[Collection(PostgresCollection.Name)]
public sealed class EmailsAboutARequestOnPostgres(PostgresBackOffice app) : EmailsAboutARequest(app);
