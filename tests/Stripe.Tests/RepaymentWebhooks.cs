using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CancellationPortal.BackOffice;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using CancellationPortal.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.Stripe.Tests;

/// <summary>
/// A shopper's card repayment confirmed by Stripe's checkout.session.completed webhook on the real back-office
/// app: it completes the undo once, however often and whenever it arrives; a payment for an unknown or no longer
/// awaited undo is recorded and changes nothing.
/// </summary>
public abstract class RepaymentWebhooks(Provider provider) : IAsyncLifetime
{
    private const string Secret = "whsec_test_repayments";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sam Support");

    private readonly FakeTimeProvider _clock = TestClock.Create();
    private TestDatabase _database = null!;
    private FakeStripeServer _stripe = null!;
    private WebApplicationFactory<Program> _factory = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _stripe = await FakeStripeServer.StartAsync();
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in _database.Settings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Stripe:WebhookSecret", Secret);
            builder.UseSetting("Stripe:Reconciliation:Enabled", "false");
            builder.UseSetting("Email:PickupFolder", Path.Combine(Path.GetTempPath(), "cancellationportal-tests", $"mail-{Guid.NewGuid():N}"));
            builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(_clock));
        });
        _client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _stripe.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task APaidSessionDeliveredTwiceCompletesTheUndoOnce()
    {
        var (requestId, repaymentId, session) = await AwaitingCardRepaymentAsync();

        var first = await PostAsync(Event("evt_paid", session, repaymentId));
        var again = await PostAsync(Event("evt_paid", session, repaymentId));

        (await first.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Handled));
        (await again.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Duplicate));
        var request = await LoadAsync(requestId);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Order.IsCanceled.ShouldBeFalse();
        request.Repayments.ShouldHaveSingleItem().Status.ShouldBe(RepaymentStatus.Received);
        (await MailsAsync()).Count(m => m.Subject == $"Order {request.Order.Number} is active again").ShouldBe(1);
    }

    [Fact]
    public async Task TheWebhookArrivingBeforeThePageReturnsLeavesThePageNothingToDo()
    {
        var (requestId, repaymentId, session) = await AwaitingCardRepaymentAsync();
        _stripe.PaySession(session);

        (await PostAsync(Event("evt_early", session, repaymentId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var confirmedByThePage = await ConfirmAsThePageDoesAsync(requestId, repaymentId);

        confirmedByThePage.ShouldBeFalse("the webhook settled it first");
        var request = await LoadAsync(requestId);
        request.Status.ShouldBe(CancellationStatus.Undone);
        request.Repayments.ShouldHaveSingleItem().Amount.ShouldBe(50m);
    }

    [Fact]
    public async Task ThePageReturningFirstCompletesTheUndoAndTheLateWebhookChangesNothing()
    {
        var (requestId, repaymentId, session) = await AwaitingCardRepaymentAsync();
        _stripe.PaySession(session);

        (await ConfirmAsThePageDoesAsync(requestId, repaymentId)).ShouldBeTrue();
        var late = await PostAsync(Event("evt_late", session, repaymentId));

        (await late.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Handled));
        (await LoadAsync(requestId)).Repayments.ShouldHaveSingleItem().Status.ShouldBe(RepaymentStatus.Received);
        (await MailsAsync()).ShouldNotContain(m => m.To == new EmailOptions().SupportAddress);
    }

    [Fact]
    public async Task APaymentForAnUnknownSessionIsRecordedAndIgnored()
    {
        var response = await PostAsync(Event("evt_unknown", "cs_not_ours", null));

        (await response.Content.ReadAsStringAsync()).ShouldBe(nameof(WebhookOutcome.Handled));
        await using var db = _database.CreateContext();
        (await db.Set<ProcessedWebhookEvent>().AnyAsync(e => e.Id == "evt_unknown")).ShouldBeTrue();
        (await db.Repayments.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task APaymentForAnUndoStaffKeptCanceledChangesNothingAndTellsSupport()
    {
        var (requestId, repaymentId, session) = await AwaitingCardRepaymentAsync();
        await using (var db = _database.CreateContext())
        {
            var services = DomainServices.On(db, _clock);
            var request = (await services.GetRequiredService<CancellationService>().LoadAsync(requestId, default))!;
            request.CancelUndo(Staff, _clock.GetUtcNow()).Error.ShouldBeNull();
            await services.GetRequiredService<UnitOfWork>().SaveAsync(default);
        }

        (await PostAsync(Event("evt_after", session, repaymentId))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var kept = await LoadAsync(requestId);
        kept.Status.ShouldBe(CancellationStatus.Canceled);
        kept.Repayments.ShouldHaveSingleItem().Status.ShouldBe(RepaymentStatus.Pending);
        (await MailsAsync()).ShouldContain(m => m.To == new EmailOptions().SupportAddress && m.Subject.Contains("no longer waits", StringComparison.Ordinal));
    }

    /// <summary>
    /// A card refund of 50 that Stripe paid, undone with nothing left to take back, and the shopper's card
    /// repayment opened as a Checkout Session at the fake.
    /// </summary>
    private async Task<(Guid RequestId, Guid RepaymentId, string Session)> AwaitingCardRepaymentAsync()
    {
        var seeded = await CardRefundSeed.CreateAsync(_database, "pi_repay", _clock.GetUtcNow().AddMinutes(-5));
        await using var db = _database.CreateContext();
        var services = DomainServices.On(db, _clock);
        var request = (await services.GetRequiredService<CancellationService>().LoadAsync(seeded.RequestId, default))!;
        request.SettleRefund(seeded.RefundId, GatewayRefundResult.Success("re_repay"), Staff, _clock.GetUtcNow());
        var shelf = new Dictionary<string, int> { [seeded.Sku] = 4 };
        request.Undo(Staff, "The shopper keeps the mug", backorder: false, new UndoContext(0m, 0, 100, shelf, null), _clock.GetUtcNow()).Error.ShouldBeNull();
        var shopper = Actor.Shopper(request.Order.CustomerId, "Pat Shopper");
        var repayment = request.StartCardRepayment(shopper, _clock.GetUtcNow()).Value!;
        var payment = await StripeTestSetup.Gateway(_stripe).StartPaymentAsync(
            new GatewayPaymentRequest(repayment.Id, repayment.Money, request.Order.Number, new Uri("https://portal.example/pay")), default);
        request.RecordRepaymentReference(repayment.Id, payment.PaymentReference);
        await services.GetRequiredService<UnitOfWork>().SaveAsync(default);
        return (request.Id, repayment.Id, payment.PaymentReference);
    }

    private async Task<bool> ConfirmAsThePageDoesAsync(Guid requestId, Guid repaymentId)
    {
        await using var db = _database.CreateContext();
        var confirmation = new RepaymentConfirmation(
            db,
            DomainServices.On(db, _clock).GetRequiredService<CancellationService>(),
            StripeTestSetup.Gateway(_stripe),
            _clock,
            Microsoft.Extensions.Options.Options.Create(StripeTestSetup.Options(_stripe)),
            NullLogger<RepaymentConfirmation>.Instance);
        return await confirmation.ConfirmAsync(requestId, repaymentId, default);
    }

    private static byte[] Event(string id, string session, Guid? repaymentId) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new
            {
                Id = id,
                Object = "event",
                ApiVersion = StripeOptions.ApiVersion,
                Type = "checkout.session.completed",
                Created = 1_790_000_000,
                Data = new
                {
                    Object = new
                    {
                        Id = session,
                        Object = "checkout.session",
                        Mode = "payment",
                        PaymentStatus = "paid",
                        Status = "complete",
                        AmountTotal = 5000,
                        Currency = "eur",
                        Metadata = repaymentId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["repayment_id"] = repaymentId.Value.ToString("D") },
                    },
                },
            },
            Json);

    private async Task<HttpResponseMessage> PostAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, StripeWebhookEndpoint.Path) { Content = content };
        request.Headers.Add("Stripe-Signature", global::Stripe.EventUtility.GenerateSignatureHeader(Encoding.UTF8.GetString(body), Secret, _clock.GetUtcNow().ToUnixTimeSeconds()));
        return await _client.SendAsync(request);
    }

    private async Task<CancellationRequest> LoadAsync(Guid id)
    {
        await using var db = _database.CreateContext();
        return await db.CancellationRequests.Include(r => r.Order).Include(r => r.Repayments).SingleAsync(r => r.Id == id);
    }

    private async Task<List<EmailMessage>> MailsAsync()
    {
        await using var db = _database.CreateContext();
        return [.. (await db.Outbox.ToListAsync()).Select(m => EmailMessage.FromJson(m.Payload))];
    }
}

public sealed class RepaymentWebhooksOnSqlite() : RepaymentWebhooks(Provider.Sqlite);

public sealed class RepaymentWebhooksOnPostgres() : RepaymentWebhooks(Provider.Postgres);
