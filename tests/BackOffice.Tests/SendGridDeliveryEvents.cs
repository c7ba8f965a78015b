using System.Net;
using System.Security.Cryptography;
using System.Text;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>
/// POST /webhooks/sendgrid on the real back-office: SendGrid's ECDSA signature over timestamp and body is checked with
/// a key pair made in the test; unsigned, wrongly signed, altered and stale batches change nothing.
/// </summary>
public abstract class SendGridDeliveryEvents(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ASignedBounceMarksTheShoppersEmailBounced()
    {
        var (_, messageId) = await AcceptedAsync();
        var body = Events(messageId, "bounce", "550 5.1.1 The email account that you tried to reach does not exist.");

        var response = await PostAsync(body, Signed(body));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var message = await MessageAsync(messageId);
        message.Delivery.ShouldBe(EmailDelivery.Bounced);
        message.DeliveryDetail.ShouldBe("550 5.1.1 The email account that you tried to reach does not exist.");
        message.NotReceived.ShouldBeTrue();
    }

    [Fact]
    public async Task DeliveredAfterABounceDoesNotHideTheBounce()
    {
        var (_, messageId) = await AcceptedAsync();
        var bounce = Events(messageId, "bounce", "mailbox full");
        var delivered = Events(messageId, "delivered", null);

        (await PostAsync(bounce, Signed(bounce))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PostAsync(delivered, Signed(delivered))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await MessageAsync(messageId)).Delivery.ShouldBe(EmailDelivery.Bounced);
    }

    [Fact]
    public async Task AnUnsignedBatchIsRefused()
    {
        var (_, messageId) = await AcceptedAsync();

        var response = await PostAsync(Events(messageId, "bounce", "no"), headers: null);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("The events are not signed.");
        (await MessageAsync(messageId)).Delivery.ShouldBeNull();
    }

    [Fact]
    public async Task ABatchSignedWithAnotherKeyIsRefused()
    {
        var (_, messageId) = await AcceptedAsync();
        var body = Events(messageId, "bounce", "no");
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var timestamp = SendGridSigning.Timestamp(App.Clock.GetUtcNow());

        var response = await PostAsync(body, (SendGridSigning.Sign(timestamp, body, stranger), timestamp));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("The signature does not match the events.");
        (await MessageAsync(messageId)).Delivery.ShouldBeNull();
    }

    [Theory]
    [InlineData("not a signature at all!")]
    [InlineData("QUJD")]
    public async Task ASignatureThatCannotBeReadIsRefused(string signature)
    {
        var (_, messageId) = await AcceptedAsync();

        var response = await PostAsync(Events(messageId, "bounce", "no"), (signature, SendGridSigning.Timestamp(App.Clock.GetUtcNow())));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MessageAsync(messageId)).Delivery.ShouldBeNull();
    }

    [Fact]
    public async Task ABatchAlteredAfterSigningIsRefused()
    {
        var (_, messageId) = await AcceptedAsync();
        var signed = Signed(Events(messageId, "delivered", null));

        var response = await PostAsync(Events(messageId, "bounce", "forged"), signed);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await MessageAsync(messageId)).Delivery.ShouldBeNull();
    }

    [Fact]
    public async Task AStaleBatchIsRefusedEvenWhenItsSignatureIsGood()
    {
        var (_, messageId) = await AcceptedAsync();
        var body = Events(messageId, "bounce", "old news");
        var timestamp = SendGridSigning.Timestamp(App.Clock.GetUtcNow().AddMinutes(-10));

        var response = await PostAsync(body, (SendGridSigning.Sign(timestamp, body), timestamp));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldStartWith("The events' signed time is too far from now");
        (await MessageAsync(messageId)).Delivery.ShouldBeNull();
    }

    /// <summary>A request accepted through its page: the shopper's "accepted" email is in the outbox.</summary>
    protected async Task<(Seeded Seeded, Guid MessageId)> AcceptedAsync()
    {
        var seeded = await App.SeedAsync();
        await AcceptAsync(await StaffAsync(), seeded);
        await using var db = App.CreateContext();
        var id = await db.Outbox.Where(m => m.Topic == seeded.Number && m.Template == EmailTemplateNames.Accepted).Select(m => m.Id).SingleAsync();
        return (seeded, id);
    }

    protected static string Events(Guid messageId, string kind, string? reason) =>
        $$"""[{"email":"sam.shopper@test.example","timestamp":1793610000,"event":"{{kind}}","sg_event_id":"evt-{{Guid.NewGuid():N}}","sg_message_id":"sg-1.filter","outbox_id":"{{messageId}}"{{(reason is null ? "" : $",\"reason\":\"{reason}\"")}}}]""";

    protected (string Signature, string Timestamp) Signed(string body)
    {
        var timestamp = SendGridSigning.Timestamp(App.Clock.GetUtcNow());
        return (SendGridSigning.Sign(timestamp, body), timestamp);
    }

    protected async Task<HttpResponseMessage> PostAsync(string body, (string Signature, string Timestamp)? headers)
    {
        using var client = App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, SendGridWebhookEndpoint.Path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (headers is { } signed)
        {
            request.Headers.Add(SendGridEventWebhook.SignatureHeader, signed.Signature);
            request.Headers.Add(SendGridEventWebhook.TimestampHeader, signed.Timestamp);
        }

        return await client.SendAsync(request);
    }

    private async Task<OutboxMessage> MessageAsync(Guid id)
    {
        await using var db = App.CreateContext();
        return await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SendGridDeliveryEventsOnSqlite(SqliteBackOffice app) : SendGridDeliveryEvents(app);

[Collection(PostgresCollection.Name)]
public sealed class SendGridDeliveryEventsOnPostgres(PostgresBackOffice app) : SendGridDeliveryEvents(app);
