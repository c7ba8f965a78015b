using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.Stripe.Tests;

/// <summary>What the fake does to the next POST instead of (or after) answering it normally.</summary>
public enum Fault
{
    /// <summary>500 before doing anything.</summary>
    ServerError,

    /// <summary>Hangs before doing anything, until the client gives up.</summary>
    Timeout,

    /// <summary>409: another request with the same key is in flight.</summary>
    Conflict,

    /// <summary>429 rate limited, before doing anything.</summary>
    RateLimited,

    /// <summary>A 400 carrying Stripe-Should-Retry: true, which overrides the status.</summary>
    ShouldRetryTrue,

    /// <summary>A 500 carrying Stripe-Should-Retry: false, which must be obeyed.</summary>
    ShouldRetryFalse,

    /// <summary>The connection is aborted before anything is done.</summary>
    ConnectionReset,

    /// <summary>The refund is made and remembered for the key, then the connection is aborted: the answer is lost.</summary>
    ConnectionResetAfterSuccess,

    /// <summary>The refund is made and remembered for the key, then the fake hangs until the client gives up.</summary>
    TimeoutAfterSuccess,
}

/// <summary>A Checkout Session the fake opened; the test pays it as the shopper would on Stripe's page.</summary>
public sealed class FakeCheckoutSession
{
    public required string Id { get; init; }
    public required long AmountTotal { get; init; }
    public required string Currency { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string PaymentStatus { get; set; } = "unpaid";

    public object ToJson() => new
    {
        Id,
        Object = "checkout.session",
        Mode = "payment",
        AmountTotal,
        Currency = Currency.ToLowerInvariant(),
        Metadata,
        PaymentStatus,
        Status = PaymentStatus == "paid" ? "complete" : "open",
        Url = $"https://checkout.stripe.test/c/pay/{Id}",
    };
}

public sealed record RecordedRequest(string Method, string Path, string? IdempotencyKey, string? StripeVersion, string? Authorization, string Body, bool Replayed);

public sealed class FakeCharge
{
    public required string ChargeId { get; init; }
    public required string PaymentIntentId { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public long AmountRefunded { get; set; }
    public bool Disputed { get; set; }

    /// <summary>The status new refunds of this charge get (succeeded, pending, requires_action, failed).</summary>
    public string NewRefundStatus { get; set; } = "succeeded";

    public string? NewRefundFailureReason { get; set; }

    /// <summary>When set, new refunds of this charge report this amount (minor units) instead of the one asked for.</summary>
    public long? ReportedAmount { get; private set; }

    /// <summary>When set, new refunds of this charge report this currency instead of the charge's.</summary>
    public string? ReportedCurrency { get; private set; }

    /// <summary>New refunds report this amount (minor units) and currency; null keeps what was asked for.</summary>
    public void ReportRefundsAs(long? amount, string? currency)
    {
        ReportedAmount = amount;
        ReportedCurrency = currency;
    }

    /// <summary>When set, creating a refund answers this error instead (e.g. a card error).</summary>
    public (int Status, string Type, string? Code, string Message)? Refusal { get; set; }
}

public sealed class FakeRefund
{
    public required string Id { get; init; }
    public required long Amount { get; init; }
    public required string Currency { get; init; }
    public required FakeCharge Charge { get; init; }
    public required Dictionary<string, string> Metadata { get; init; }
    public string? Reason { get; init; }
    public string? IdempotencyKey { get; init; }
    public string Status { get; set; } = "succeeded";
    public string? FailureReason { get; set; }

    public object ToJson() => new
    {
        Id,
        Object = "refund",
        Amount,
        Currency = Currency.ToLowerInvariant(),
        Charge = Charge.ChargeId,
        PaymentIntent = Charge.PaymentIntentId,
        Status,
        FailureReason,
        Reason,
        Metadata,
    };
}

/// <summary>
/// A small Stripe on loopback: the endpoints our client calls, Stripe's idempotency behaviour (the same key
/// replays the stored answer with Idempotent-Replayed: true; the same key with other parameters is a 400
/// idempotency_error) and injected faults.
/// </summary>
public sealed class FakeStripeServer : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private readonly WebApplication _app;
    private readonly Lock _gate = new();
    private readonly List<FakeCharge> _charges = [];
    private readonly List<FakeRefund> _refunds = [];
    private readonly List<FakeCheckoutSession> _sessions = [];
    private readonly Dictionary<string, (string Fingerprint, int Status, string Body)> _idempotency = [];
    private readonly ConcurrentQueue<Fault> _faults = new();
    private int _sequence;

    private FakeStripeServer(WebApplication app)
    {
        _app = app;
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The clock of the clients aimed at this fake: a hang moves it past their per-attempt timeout.</summary>
    public StripeTestClock Clock { get; } = new();

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public IReadOnlyList<RecordedRequest> RefundPosts => [.. Requests.Where(r => r.Method == "POST" && r.Path == "/v1/refunds")];

    public IReadOnlyList<FakeRefund> Refunds
    {
        get
        {
            lock (_gate)
            {
                return [.. _refunds];
            }
        }
    }

    public static async Task<FakeStripeServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeStripeServer(app);
        app.MapPost("/v1/refunds", server.CreateRefundAsync);
        app.MapGet("/v1/refunds", server.ListRefunds);
        app.MapGet("/v1/refunds/{id}", (string id, HttpContext context) => server.Answer(context, () => server.GetRefund(id)));
        app.MapPost("/v1/refunds/{id}/cancel", (string id, HttpContext context) => server.Answer(context, () => server.CancelRefund(id)));
        app.MapPost("/v1/checkout/sessions", server.CreateSessionAsync);
        app.MapGet("/v1/checkout/sessions/{id}", (string id, HttpContext context) => server.Answer(context, () => server.GetSession(id)));
        app.MapGet("/v1/payment_intents/{id}", (string id, HttpContext context) => server.Answer(context, () => server.GetPaymentIntent(id)));
        app.MapGet("/v1/charges/{id}", (string id, HttpContext context) => server.Answer(context, () => server.GetCharge(id)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseAddress = new Uri(address);
        return server;
    }

    public FakeCharge AddCharge(long amount, string currency)
    {
        var n = Interlocked.Increment(ref _sequence);
        var charge = new FakeCharge
        {
            ChargeId = $"ch_fake{n}",
            PaymentIntentId = $"pi_fake{n}",
            Amount = amount,
            Currency = currency,
        };
        lock (_gate)
        {
            _charges.Add(charge);
        }

        return charge;
    }

    public void FailNext(Fault fault, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(fault);
        }
    }

    public IReadOnlyList<FakeCheckoutSession> Sessions
    {
        get
        {
            lock (_gate)
            {
                return [.. _sessions];
            }
        }
    }

    /// <summary>The shopper paid the session on Stripe's page.</summary>
    public void PaySession(string id)
    {
        lock (_gate)
        {
            _sessions.Single(s => s.Id == id).PaymentStatus = "paid";
        }
    }

    public IReadOnlyList<FakeRefund> RefundsWithKey(Guid key) => [.. Refunds.Where(r => r.IdempotencyKey == key.ToString("D"))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task CreateRefundAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var fingerprint = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var faulted = _faults.TryDequeue(out var fault);
        if (faulted && fault is not (Fault.ConnectionResetAfterSuccess or Fault.TimeoutAfterSuccess))
        {
            // Recorded first: the client retries at once, and its retry must not be counted before this attempt.
            Record(context, fingerprint, replayed: false);
            await FailBeforeAsync(context, fault, Clock);
            return;
        }

        int status;
        string body;
        bool replayed;
        lock (_gate)
        {
            if (key.Length > 0 && _idempotency.TryGetValue(key, out var stored))
            {
                if (stored.Fingerprint != fingerprint)
                {
                    (status, body) = Error(400, "idempotency_error", null, null,
                        $"Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '{key}' if you meant to execute a different request.");
                    replayed = false;
                }
                else
                {
                    (status, body, replayed) = (stored.Status, stored.Body, true);
                }
            }
            else
            {
                (status, body) = Create(form, key);
                replayed = false;
                if (key.Length > 0)
                {
                    _idempotency[key] = (fingerprint, status, body);
                }
            }
        }

        Record(context, fingerprint, replayed);
        if (faulted && fault == Fault.ConnectionResetAfterSuccess)
        {
            context.Abort();
            return;
        }

        if (faulted && fault == Fault.TimeoutAfterSuccess)
        {
            await HangAsync(context, Clock);
            return;
        }

        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        await WriteAsync(context, status, body);
    }

    /// <summary>POST /v1/checkout/sessions: one payment line; the same key replays the first session.</summary>
    private async Task CreateSessionAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = context.Request.Headers["Idempotency-Key"].ToString();
        var fingerprint = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        string body;
        bool replayed;
        lock (_gate)
        {
            replayed = key.Length > 0 && _idempotency.TryGetValue(key, out var stored) && stored.Fingerprint == fingerprint;
            if (replayed)
            {
                body = _idempotency[key].Body;
            }
            else
            {
                var session = new FakeCheckoutSession
                {
                    Id = $"cs_fake{Interlocked.Increment(ref _sequence)}",
                    AmountTotal = long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), CultureInfo.InvariantCulture),
                    Currency = form["line_items[0][price_data][currency]"].ToString(),
                    Metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                        .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString()),
                };
                _sessions.Add(session);
                body = JsonSerializer.Serialize(session.ToJson(), Json);
                if (key.Length > 0)
                {
                    _idempotency[key] = (fingerprint, 200, body);
                }
            }
        }

        Record(context, fingerprint, replayed);
        if (replayed)
        {
            context.Response.Headers["Idempotent-Replayed"] = "true";
        }

        await WriteAsync(context, 200, body);
    }

    private (int, string) GetSession(string id) =>
        _sessions.FirstOrDefault(s => s.Id == id) is { } session
            ? (200, JsonSerializer.Serialize(session.ToJson(), Json))
            : Error(404, "invalid_request_error", "resource_missing", "session", $"No such checkout.session: '{id}'");

    /// <summary>Answers with the fault instead of doing anything.</summary>
    private static async Task FailBeforeAsync(HttpContext context, Fault fault, StripeTestClock clock)
    {
        switch (fault)
        {
            case Fault.ServerError:
                await WriteErrorAsync(context, 500, "api_error", null, "An unknown error occurred.");
                break;
            case Fault.Timeout:
                await HangAsync(context, clock);
                break;
            case Fault.Conflict:
                await WriteErrorAsync(context, 409, "idempotency_error", null, "There is currently another in-progress request using this Idempotent Key.");
                break;
            case Fault.RateLimited:
                await WriteErrorAsync(context, 429, "invalid_request_error", "rate_limit", "Too many requests hit the API too quickly.");
                break;
            case Fault.ShouldRetryTrue:
                context.Response.Headers["Stripe-Should-Retry"] = "true";
                await WriteErrorAsync(context, 400, "invalid_request_error", "lock_timeout", "This object cannot be accessed right now.");
                break;
            case Fault.ShouldRetryFalse:
                context.Response.Headers["Stripe-Should-Retry"] = "false";
                await WriteErrorAsync(context, 500, "api_error", null, "An unknown error occurred.");
                break;
            case Fault.ConnectionReset:
                context.Abort();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "This fault happens after the refund is made.");
        }
    }

    /// <summary>Answers nothing until the client gives up, which its clock lets it do at once.</summary>
    private static async Task HangAsync(HttpContext context, StripeTestClock clock)
    {
        clock.PassRequestTimeout();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as the test intends.
        }
    }

    private (int Status, string Body) Create(IFormCollection form, string key)
    {
        var reference = form["charge"].ToString() is { Length: > 0 } c ? c : form["payment_intent"].ToString();
        var charge = _charges.FirstOrDefault(x => x.ChargeId == reference || x.PaymentIntentId == reference);
        if (charge is null)
        {
            return Error(404, "invalid_request_error", "resource_missing", form.ContainsKey("charge") ? "charge" : "payment_intent", $"No such payment: '{reference}'");
        }

        if (charge.Refusal is { } refusal)
        {
            return Error(refusal.Status, refusal.Type, refusal.Code, null, refusal.Message);
        }

        if (charge.Disputed)
        {
            return Error(400, "invalid_request_error", "charge_disputed", null, $"Charge {charge.ChargeId} has been charged back; cannot issue a refund.");
        }

        var left = charge.Amount - charge.AmountRefunded;
        if (left == 0)
        {
            return Error(400, "invalid_request_error", "charge_already_refunded", null, $"Charge {charge.ChargeId} has already been refunded.");
        }

        var amount = form.TryGetValue("amount", out var a) ? long.Parse(a.ToString(), CultureInfo.InvariantCulture) : left;
        if (amount > left)
        {
            return Error(400, "invalid_request_error", null, "amount", $"Refund amount ({amount}) is greater than unrefunded amount on charge ({left})");
        }

        var refund = new FakeRefund
        {
            Id = $"re_fake{Interlocked.Increment(ref _sequence)}",
            Amount = charge.ReportedAmount ?? amount,
            Currency = charge.ReportedCurrency ?? charge.Currency,
            Charge = charge,
            Reason = form["reason"].ToString(),
            IdempotencyKey = key.Length > 0 ? key : null,
            Status = charge.NewRefundStatus,
            FailureReason = charge.NewRefundFailureReason,
            Metadata = form.Where(f => f.Key.StartsWith("metadata[", StringComparison.Ordinal))
                .ToDictionary(f => f.Key["metadata[".Length..^1], f => f.Value.ToString()),
        };
        if (refund.Status != "failed")
        {
            charge.AmountRefunded += amount;
        }

        _refunds.Add(refund);
        return (200, JsonSerializer.Serialize(refund.ToJson(), Json));
    }

    private Task ListRefunds(HttpContext context) => Answer(context, () =>
    {
        var reference = context.Request.Query["charge"].ToString() is { Length: > 0 } c ? c : context.Request.Query["payment_intent"].ToString();
        var data = _refunds.Where(r => r.Charge.ChargeId == reference || r.Charge.PaymentIntentId == reference).Reverse().Select(r => r.ToJson()).ToList();
        return (200, JsonSerializer.Serialize(new { Object = "list", Data = data, HasMore = false }, Json));
    });

    private (int, string) GetRefund(string id) =>
        _refunds.FirstOrDefault(r => r.Id == id) is { } refund
            ? (200, JsonSerializer.Serialize(refund.ToJson(), Json))
            : Error(404, "invalid_request_error", "resource_missing", "id", $"No such refund: '{id}'");

    private (int, string) CancelRefund(string id)
    {
        var refund = _refunds.FirstOrDefault(r => r.Id == id);
        if (refund is null)
        {
            return Error(404, "invalid_request_error", "resource_missing", "id", $"No such refund: '{id}'");
        }

        if (refund.Status != "requires_action")
        {
            return Error(400, "invalid_request_error", null, null, $"Can't cancel a refund with status {refund.Status}.");
        }

        refund.Status = "canceled";
        refund.Charge.AmountRefunded -= refund.Amount;
        return (200, JsonSerializer.Serialize(refund.ToJson(), Json));
    }

    private (int, string) GetPaymentIntent(string id) =>
        _charges.FirstOrDefault(c => c.PaymentIntentId == id) is { } charge
            ? (200, JsonSerializer.Serialize(
                new
                {
                    Id = charge.PaymentIntentId,
                    Object = "payment_intent",
                    charge.Amount,
                    AmountReceived = charge.Amount,
                    Currency = charge.Currency.ToLowerInvariant(),
                    LatestCharge = charge.ChargeId,
                    Status = "succeeded",
                },
                Json))
            : Error(404, "invalid_request_error", "resource_missing", "intent", $"No such payment_intent: '{id}'");

    private (int, string) GetCharge(string id) =>
        _charges.FirstOrDefault(c => c.ChargeId == id) is { } charge
            ? (200, JsonSerializer.Serialize(
                new
                {
                    Id = charge.ChargeId,
                    Object = "charge",
                    charge.Amount,
                    AmountCaptured = charge.Amount,
                    charge.AmountRefunded,
                    Currency = charge.Currency.ToLowerInvariant(),
                    Refunded = charge.AmountRefunded == charge.Amount,
                    charge.Disputed,
                    PaymentIntent = charge.PaymentIntentId,
                },
                Json))
            : Error(404, "invalid_request_error", "resource_missing", "id", $"No such charge: '{id}'");

    private async Task Answer(HttpContext context, Func<(int Status, string Body)> handle)
    {
        (int Status, string Body) answer;
        lock (_gate)
        {
            answer = handle();
        }

        Record(context, context.Request.QueryString.Value ?? "", replayed: false);
        await WriteAsync(context, answer.Status, answer.Body);
    }

    private void Record(HttpContext context, string body, bool replayed)
    {
        var headers = context.Request.Headers;
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            headers.TryGetValue("Idempotency-Key", out var key) ? key.ToString() : null,
            headers.TryGetValue("Stripe-Version", out var version) ? version.ToString() : null,
            headers.Authorization.ToString(),
            body,
            replayed));
    }

    private static (int, string) Error(int status, string type, string? code, string? param, string message) =>
        (status, JsonSerializer.Serialize(new { Error = new { Type = type, Code = code, Param = param, Message = message } }, Json));

    private static Task WriteErrorAsync(HttpContext context, int status, string type, string? code, string message)
    {
        var (s, body) = Error(status, type, code, null, message);
        return WriteAsync(context, s, body);
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }
}
