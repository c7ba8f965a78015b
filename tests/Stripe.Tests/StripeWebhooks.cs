using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CancellationPortal.BackOffice;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.Stripe.Tests;

/// <summary>POST /webhooks/stripe on the real back-office app: signature, freshness, dedupe and every event we act on.</summary>
public abstract class StripeWebhooks(Provider provider) : IAsyncLifetime
{
    private const string Secret = "whsec_test_0123456789";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly FakeTimeProvider _clock = TestClock.Create();
    private readonly string _mailFolder = Path.Combine(Path.GetTempPath(), "cancellationportal-tests", $"mail-{Guid.NewGuid():N}");
    private TestDatabase _database = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Stripe:WebhookSecret", Secret);
            builder.UseSetting("Stripe:Reconciliation:Enabled", "false");
            builder.UseSetting("Email:PickupFolder", _mailFolder);
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
        if (Directory.Exists(_mailFolder))
        {
            Directory.Delete(_mailFolder, recursive: true);
        }
    }

    [Fact]
    public async Task ARefundSucceededEventSettlesOurRefundFoundByItsMetadataAndCompletesTheRequest()
    {
        var seeded = await SeedAsync("pi_ok");

        var response = await PostAsync(Event("evt_1", "refund.updated", Refund("re_1", "succeeded", seeded.RefundId)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Succeeded);
        refund.ProviderReference.ShouldBe("re_1");
        var request = await LoadRequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Order.IsCanceled.ShouldBeTrue();
        var mail = (await MailsAsync()).ShouldHaveSingleItem();
        mail.To.ShouldBe(request.Order.CustomerEmail);
        mail.Subject.ShouldBe($"Order {request.Order.Number} is canceled");
        mail.TextBody.ShouldContain(" by original card payment.");
        await using var db = _database.CreateContext();
        (await db.StockItems.SingleAsync(s => s.Sku == seeded.Sku)).OnHand.ShouldBe(4);
    }

    [Fact]
    public async Task ARefundFailedEventFailsOurRefundFoundByItsIdFlagsTheRequestAndMailsSupport()
    {
        var seeded = await SeedAsync("pi_fail", providerReference: "re_2");

        var response = await PostAsync(Event("evt_2", "refund.failed", Refund("re_2", "failed", null, "expired_or_canceled_card")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Failed);
        refund.FailureReason!.ShouldContain("expired or was canceled");
        var request = await LoadRequestAsync(seeded.RequestId);
        request.Status.ShouldBe(CancellationStatus.InProgress);
        request.HasFailedRefund.ShouldBeTrue();
        (await MailsAsync()).ShouldHaveSingleItem().To.ShouldBe(new EmailOptions().SupportAddress);
    }

    [Theory]
    [InlineData(4999L, "eur", "EUR 49.99")]
    [InlineData(5000L, "usd", "USD 50.00")]
    public async Task ARefundEventReportingAnotherAmountOrCurrencyHoldsOurRefundForStaff(long amount, string currency, string reported)
    {
        var seeded = await SeedAsync("pi_differs");

        var response = await PostAsync(Event("evt_16", "refund.updated", Refund("re_16", "succeeded", seeded.RefundId, amount: amount, currency: currency)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Pending);
        refund.ProviderReference.ShouldBe("re_16");
        refund.FailureReason!.ShouldStartWith($"The payment provider reports a refund of {reported} instead of the EUR 50.00 asked for");
        (await LoadRequestAsync(seeded.RequestId)).Status.ShouldBe(CancellationStatus.InProgress);
        (await MailsAsync()).ShouldHaveSingleItem().Subject.ShouldBe($"Card refund amount differs for order {seeded.OrderNumber}");
    }

    [Fact]
    public async Task ARefundFailedAfterItSucceededIsRecordedFlagsTheRequestAndMailsSupport()
    {
        var seeded = await SeedAsync("pi_reversed");
        (await PostAsync(Event("evt_16", "refund.updated", Refund("re_16", "succeeded", seeded.RefundId)))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await PostAsync(Event("evt_17", "refund.updated", Refund("re_16", "failed", seeded.RefundId, "expired_or_canceled_card")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Handled));
        var refund = await LoadRefundAsync(seeded.RefundId);
        refund.Status.ShouldBe(RefundStatus.Reversed);
        refund.Counts.ShouldBeFalse();
        refund.FailureReason!.ShouldContain("expired or was canceled");
        await using var db = _database.CreateContext();
        var request = await db.CancellationRequests.Include(r => r.AuditEntries).SingleAsync(r => r.Id == seeded.RequestId);
        request.HasReversedRefund.ShouldBeTrue();
        request.AuditEntries.ShouldContain(a => a.Kind == AuditKind.RefundReversed && a.Note!.Contains("re_16"));
        var staffMail = (await MailsAsync()).Where(m => m.To == new EmailOptions().SupportAddress).ShouldHaveSingleItem();
        staffMail.Subject.ShouldBe($"Card refund reversed by Stripe for order {seeded.OrderNumber}");
        staffMail.TextBody.ShouldContain("the shopper has not been repaid");
    }

    [Fact]
    public async Task AChargeRefundedEventSettlesTheRefundsItLists()
    {
        var seeded = await SeedAsync("ch_listed", providerReference: "re_3");
        var charge = new { Id = "ch_listed", Object = "charge", Refunds = new { Object = "list", Data = new[] { Refund("re_3", "succeeded", null) } } };

        (await PostAsync(Event("evt_3", "charge.refunded", charge))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);
    }

    [Fact]
    public async Task AnEventSignedWithAnotherSecretIsRefused()
    {
        var seeded = await SeedAsync("pi_wrong");
        var body = Event("evt_4", "refund.updated", Refund("re_4", "succeeded", seeded.RefundId));

        var response = await PostAsync(body, SignatureHeader(body, "whsec_someone_else", _clock.GetUtcNow()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task AnEventSignedMoreThanFiveMinutesAgoIsRefused()
    {
        var seeded = await SeedAsync("pi_stale");
        var body = Event("evt_5", "refund.updated", Refund("re_5", "succeeded", seeded.RefundId));

        var response = await PostAsync(body, SignatureHeader(body, Secret, _clock.GetUtcNow().AddSeconds(-301)));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task AnEventSignedWithinFiveMinutesIsAccepted()
    {
        var body = Event("evt_6", "payment_intent.succeeded", PaymentIntent("pi_recent", 1000, "eur", "10001"));

        var response = await PostAsync(body, SignatureHeader(body, Secret, _clock.GetUtcNow().AddSeconds(-299)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ATamperedBodyIsRefused()
    {
        var seeded = await SeedAsync("pi_tampered");
        var signed = Event("evt_7", "refund.updated", Refund("re_7", "failed", seeded.RefundId));
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("\"failed\"", "\"succeeded\"", StringComparison.Ordinal));

        var response = await PostAsync(tampered, SignatureHeader(signed, Secret, _clock.GetUtcNow()));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task AnUnsignedEventIsRefused()
    {
        var response = await PostAsync(Event("evt_8", "charge.dispute.created", Dispute("ch_unsigned", "pi_unsigned")), signature: "");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = _database.CreateContext();
        (await db.Set<ProcessedWebhookEvent>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AnyOfSeveralV1SignaturesMayMatch()
    {
        var body = Event("evt_9", "payment_intent.succeeded", PaymentIntent("pi_rolled", 1000, "eur", null));
        var valid = SignatureHeader(body, Secret, _clock.GetUtcNow());
        var other = SignatureHeader(body, "whsec_old_secret", _clock.GetUtcNow());
        var header = $"{other},{valid[valid.IndexOf("v1=", StringComparison.Ordinal)..]}";

        var response = await PostAsync(body, header);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        header.Split(',').Count(p => p.StartsWith("v1=", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Fact]
    public async Task ADuplicateEventIsAppliedOnce()
    {
        var seeded = await SeedAsync("pi_dup");
        var body = Event("evt_10", "charge.dispute.created", Dispute("ch_dup", "pi_dup"));

        var first = await PostAsync(body);
        var second = await PostAsync(body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await second.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Duplicate));
        (await MailsAsync()).ShouldHaveSingleItem().Subject.ShouldContain(seeded.OrderNumber);
        await using var db = _database.CreateContext();
        (await db.Set<ProcessedWebhookEvent>().CountAsync(e => e.Id == "evt_10")).ShouldBe(1);
    }

    [Fact]
    public async Task AnUnknownEventTypeIsAcknowledgedAndIgnored()
    {
        var response = await PostAsync(Event("evt_11", "customer.created", new { Id = "cus_1", Object = "customer" }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Ignored));
    }

    [Fact]
    public async Task ASignedBodyThatIsNotJsonIsRefused()
    {
        var response = await PostAsync(Encoding.UTF8.GetBytes("{\"id\": \"evt_12\", \"type\": "));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnEventWrittenForAnotherApiVersionIsRefusedAndNotApplied()
    {
        var seeded = await SeedAsync("pi_old_version");

        var response = await PostAsync(Event("evt_17", "refund.updated", Refund("re_17", "succeeded", seeded.RefundId), apiVersion: "2024-06-20"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain(StripeOptions.ApiVersion);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task ASignedEventWhoseObjectHasTheWrongShapeIsRefused()
    {
        var seeded = await SeedAsync("pi_shape");

        var response = await PostAsync(Event("evt_18", "refund.updated", new { Id = "re_18", Object = "refund", Amount = "lots", Metadata = new Dictionary<string, string> { ["refund_id"] = seeded.RefundId.ToString("D") } }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Pending);
    }

    [Fact]
    public async Task ARefundEventCarryingAnotherKindOfObjectIsRefused()
    {
        var response = await PostAsync(Event("evt_19", "refund.updated", Dispute("ch_other", "pi_other")));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Not a Stripe event.");
    }

    [Fact]
    public async Task TheHandlerTakesThePayloadAndItsSignatureWithoutAnHttpRequest()
    {
        var seeded = await SeedAsync("pi_direct");
        var body = Event("evt_20", "refund.updated", Refund("re_20", "succeeded", seeded.RefundId));
        await using var scope = _factory.Services.CreateAsyncScope();
        var handler = scope.ServiceProvider.GetRequiredService<StripeWebhookHandler>();

        var refused = await handler.ReceiveAsync(Encoding.UTF8.GetString(body), "", CancellationToken.None);
        var taken = await handler.ReceiveAsync(Encoding.UTF8.GetString(body), SignatureHeader(body, Secret, _clock.GetUtcNow()), CancellationToken.None);

        refused.IsRefused.ShouldBeTrue();
        refused.Refusal!.ShouldStartWith("Event refused: ");
        taken.Outcome.ShouldBe(WebhookOutcome.Handled);
        (await LoadRefundAsync(seeded.RefundId)).Status.ShouldBe(RefundStatus.Succeeded);
    }

    [Fact]
    public async Task ADisputeBlocksRefundsUntilItCloses()
    {
        var seeded = await SeedAsync("pi_disputed");

        (await PostAsync(Event("evt_13", "charge.dispute.created", Dispute("ch_disputed", "pi_disputed")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoadRequestAsync(seeded.RequestId)).Order.IsDisputed.ShouldBeTrue();

        (await PostAsync(Event("evt_14", "charge.dispute.closed", Dispute("ch_disputed", "pi_disputed")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await LoadRequestAsync(seeded.RequestId)).Order.IsDisputed.ShouldBeFalse();
    }

    [Fact]
    public async Task APaymentIntentSucceededIsAcknowledgedAndIgnoredSinceNothingReadsPayments()
    {
        var response = await PostAsync(Event("evt_15", "payment_intent.succeeded", PaymentIntent("pi_paid", 1500, "jpy", "10042")));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Ignored));
    }

    private static byte[] Event(string id, string type, object dataObject, string apiVersion = StripeOptions.ApiVersion) =>
        JsonSerializer.SerializeToUtf8Bytes(new { Id = id, Object = "event", ApiVersion = apiVersion, Type = type, Created = 1_790_000_000, Data = new { Object = dataObject } }, Json);

    /// <summary>The header Stripe would send for this body, signed at this time with this secret.</summary>
    private static string SignatureHeader(byte[] body, string secret, DateTimeOffset signedAt) =>
        global::Stripe.EventUtility.GenerateSignatureHeader(Encoding.UTF8.GetString(body), secret, signedAt.ToUnixTimeSeconds());

    private static object Refund(string id, string status, Guid? ourId, string? failureReason = null, long amount = 5000, string currency = "eur") => new
    {
        Id = id,
        Object = "refund",
        Amount = amount,
        Currency = currency,
        Status = status,
        FailureReason = failureReason,
        Metadata = ourId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["refund_id"] = ourId.Value.ToString("D") },
    };

    private static object Dispute(string charge, string paymentIntent) =>
        new { Id = "dp_1", Object = "dispute", Charge = charge, PaymentIntent = paymentIntent, Status = "needs_response" };

    private static object PaymentIntent(string id, long amount, string currency, string? orderNumber) => new
    {
        Id = id,
        Object = "payment_intent",
        Amount = amount,
        AmountReceived = amount,
        Currency = currency,
        Status = "succeeded",
        Metadata = orderNumber is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["order_number"] = orderNumber },
    };

    private Task<HttpResponseMessage> PostAsync(byte[] body) => PostAsync(body, SignatureHeader(body, Secret, _clock.GetUtcNow()));

    private async Task<HttpResponseMessage> PostAsync(byte[] body, string signature)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path) { Content = content };
        if (signature.Length > 0)
        {
            request.Headers.Add("Stripe-Signature", signature);
        }

        return await _client.SendAsync(request);
    }

    private Task<SeededCardRefund> SeedAsync(string paymentReference, string? providerReference = null) =>
        CardRefundSeed.CreateAsync(_database, paymentReference, _clock.GetUtcNow().AddMinutes(-1), providerReference: providerReference);

    private async Task<Refund> LoadRefundAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.Refunds.SingleAsync(r => r.Id == id);
    }

    private async Task<CancellationRequest> LoadRequestAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.CancellationRequests.Include(r => r.Order).SingleAsync(r => r.Id == id);
    }

    private async Task<List<EmailMessage>> MailsAsync()
    {
        await using var db = _database.CreateContext();
        return [.. (await db.Outbox.ToListAsync()).Select(m => EmailMessage.FromJson(m.Payload))];
    }
}

public sealed class StripeWebhooksOnSqlite() : StripeWebhooks(Provider.Sqlite);

public sealed class StripeWebhooksOnPostgres() : StripeWebhooks(Provider.Postgres);
