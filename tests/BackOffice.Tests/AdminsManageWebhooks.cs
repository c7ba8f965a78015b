using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

public abstract class AdminsManageWebhooks(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task AnEndpointIsRegisteredWithItsSecretShownOnceAndAPrivateAddressIsRefused()
    {
        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var url = $"https://shop.example/hooks/{Guid.NewGuid():N}";
        var loopback = $"http://127.0.0.1:8080/hooks/{Guid.NewGuid():N}";

        var refused = await Html.ReadAsync(await admin.SubmitAsync((await admin.GetPageAsync("/Integrations/Webhooks")).Form("Register"),
            new() { ["Input.Url"] = loopback, ["Input.Events"] = "cancellation.canceled" }));
        var registered = await Html.ReadAsync(await admin.SubmitAsync((await admin.GetPageAsync("/Integrations/Webhooks")).Form("Register"),
            new() { ["Input.Url"] = url, ["Input.Events"] = "cancellation.canceled" }));

        refused.Status.ShouldBe(HttpStatusCode.BadRequest);
        refused.Alert.ShouldContain("https://");
        registered.Status.ShouldBe(HttpStatusCode.OK);
        var secret = registered.Document.QuerySelector("[data-testid=new-secret]")!.GetAttribute("value")!;
        secret.ShouldStartWith("whsec_");
        (await admin.GetPageAsync("/Integrations/Webhooks")).Document.Body!.InnerHtml.ShouldNotContain(secret);
        await using var db = App.CreateContext();
        (await db.Set<WebhookEndpoint>().SingleAsync(e => e.Url == url)).EventList.ShouldBe(["cancellation.canceled"]);
        (await db.Set<WebhookEndpoint>().AnyAsync(e => e.Url == loopback)).ShouldBeFalse();
    }

    [Fact]
    public async Task AGivenUpDeliveryIsListedWithItsAnswerAndResendQueuesItAgain()
    {
        // The page lists the latest deliveries: this one is the newest.
        App.Clock.Advance(TimeSpan.FromSeconds(1));
        var endpoint = WebhookEndpoint.Register(new Uri($"https://shop.example/{Guid.NewGuid():N}"), ["refund.failed"], App.Clock.GetUtcNow());
        var delivery = WebhookDelivery.Create(endpoint.Id, "refund.failed", "{}", App.Clock.GetUtcNow());
        foreach (var _ in WebhookDelivery.RetryDelays.Append(TimeSpan.Zero))
        {
            delivery.AttemptFailed(503, "The endpoint answered 503.", App.Clock.GetUtcNow());
        }

        await using (var db = App.CreateContext())
        {
            db.Set<WebhookEndpoint>().Add(endpoint);
            db.Set<WebhookDelivery>().Add(delivery);
            await db.SaveChangesAsync();
        }

        var admin = await App.SignInAsync(BackOfficeApp.Admin);
        var page = await admin.GetPageAsync("/Integrations/Webhooks");
        var row = page.Document.QuerySelectorAll("[data-testid=delivery]").Single(r => r.TextContent.Contains(endpoint.Url, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Gave up");
        row.TextContent.ShouldContain("503");

        (await admin.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)row.QuerySelector("form")!)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        await using var after = App.CreateContext();
        var resent = await after.Set<WebhookDelivery>().SingleAsync(d => d.Id == delivery.Id);
        resent.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        resent.NextAttemptAt.ShouldBe(App.Clock.GetUtcNow());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AdminsManageWebhooksOnSqlite(SqliteBackOffice app) : AdminsManageWebhooks(app);

[Collection(PostgresCollection.Name)]
public sealed class AdminsManageWebhooksOnPostgres(PostgresBackOffice app) : AdminsManageWebhooks(app);
