using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CancellationPortal.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>What to refund: a payment intent (pi_...) or a charge (ch_...), all that is left or a part of it.</summary>
public sealed record StripeRefundCreate(string PaymentReference, Money? Amount, string Reason, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// A small client for the part of Stripe's API we use, over plain HttpClient. Every POST carries the caller's
/// idempotency key, and every retry reuses it, so Stripe performs the operation at most once.
/// </summary>
public sealed partial class StripeClient
{
    public const string RefundIdMetadataKey = "refund_id";
    public const string OrderNumberMetadataKey = "order_number";

    private readonly HttpClient _http;
    private readonly StripeOptions _options;
    private readonly ILogger<StripeClient> _logger;
    private readonly Uri _apiBase;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public StripeClient(HttpClient http, IOptions<StripeOptions> options, ILogger<StripeClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options.Value;
        _logger = logger;

        // Relative paths resolve under the base only when it ends with a slash (a proxy may add a path).
        _apiBase = _options.ApiBase.AbsoluteUri.EndsWith('/') ? _options.ApiBase : new Uri(_options.ApiBase.AbsoluteUri + "/");
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (_options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = _options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = pipeline.AddTimeout(_options.RequestTimeout).Build();
    }

    public Task<StripeRefund> CreateRefundAsync(StripeRefundCreate refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var form = new List<KeyValuePair<string, string>>
        {
            new(PaymentParameter(refund.PaymentReference), refund.PaymentReference),
        };
        if (refund.Amount is { } amount)
        {
            form.Add(new("amount", amount.ToMinorUnits().ToString(CultureInfo.InvariantCulture)));
        }

        form.Add(new("reason", refund.Reason));
        form.AddRange(refund.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new KeyValuePair<string, string>($"metadata[{m.Key}]", m.Value)));
        return SendAsync<StripeRefund>(HttpMethod.Post, "v1/refunds", form, idempotencyKey, cancellationToken);
    }

    public Task<StripeRefund> GetRefundAsync(string refundId, CancellationToken cancellationToken) =>
        SendAsync<StripeRefund>(HttpMethod.Get, $"v1/refunds/{Uri.EscapeDataString(refundId)}", null, null, cancellationToken);

    /// <summary>The refunds of a payment intent or charge, newest first (up to 100, more than any order has).</summary>
    public Task<StripeList<StripeRefund>> ListRefundsAsync(string paymentReference, CancellationToken cancellationToken) =>
        SendAsync<StripeList<StripeRefund>>(
            HttpMethod.Get,
            $"v1/refunds?{PaymentParameter(paymentReference)}={Uri.EscapeDataString(paymentReference)}&limit=100",
            null,
            null,
            cancellationToken);

    /// <summary>Cancels a refund; Stripe allows it only while the refund's status is requires_action.</summary>
    public Task<StripeRefund> CancelRefundAsync(string refundId, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync<StripeRefund>(HttpMethod.Post, $"v1/refunds/{Uri.EscapeDataString(refundId)}/cancel", [], idempotencyKey, cancellationToken);

    public Task<StripePaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        SendAsync<StripePaymentIntent>(HttpMethod.Get, $"v1/payment_intents/{Uri.EscapeDataString(paymentIntentId)}", null, null, cancellationToken);

    public Task<StripeCharge> GetChargeAsync(string chargeId, CancellationToken cancellationToken) =>
        SendAsync<StripeCharge>(HttpMethod.Get, $"v1/charges/{Uri.EscapeDataString(chargeId)}", null, null, cancellationToken);

    /// <summary>Stripe names a payment intent's and a charge's parameter differently; the id prefix tells which.</summary>
    public static string PaymentParameter(string paymentReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        return paymentReference.StartsWith("ch_", StringComparison.Ordinal) || paymentReference.StartsWith("py_", StringComparison.Ordinal)
            ? "charge"
            : "payment_intent";
    }

    /// <summary>Stripe's rules: retry network failures, 409, 429 and 5xx, never other 4xx; its header overrides both ways.</summary>
    internal static bool ShouldRetry(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var values))
        {
            var value = values.FirstOrDefault();
            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        var status = (int)response.StatusCode;
        return status is 409 or 429 || status >= 500;
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !cancellationToken.IsCancellationRequested,
        { Result: { } response } => ShouldRetry(response),
        _ => false,
    };

    /// <summary>About base × 2^(n−1), capped, less up to a quarter at random so many clients do not retry in step.</summary>
    private TimeSpan RetryDelay(int retry)
    {
        var exponential = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, retry - 1);
        var capped = Math.Min(exponential, _options.RetryMaxDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jitter = 0.75 + (Random.Shared.NextDouble() * 0.25);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    private async Task<T> SendAsync<T>(
        HttpMethod method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>>? form,
        string? idempotencyKey,
        CancellationToken cancellationToken)
    {
        var uri = new Uri(_apiBase, path);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async token =>
                {
                    // A request message can be sent only once: every attempt builds its own, with the same key.
                    using var request = new HttpRequestMessage(method, uri);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.SecretKey);
                    request.Headers.Add("Stripe-Version", StripeOptions.ApiVersion);
                    if (idempotencyKey is not null)
                    {
                        request.Headers.Add("Idempotency-Key", idempotencyKey);
                    }

                    if (form is not null)
                    {
                        request.Content = new FormUrlEncodedContent(form);
                    }

                    return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(ex, method.Method, uri.AbsolutePath);
            throw StripeException.Unreachable(ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return JsonSerializer.Deserialize<T>(body, StripeJson.Options)
                    ?? throw new StripeException("Stripe answered with an empty body.") { StatusCode = (int)response.StatusCode };
            }

            var error = ReadError(response, body);
            LogRefused((int)response.StatusCode, error.Type, error.Code, method.Method, uri.AbsolutePath);
            throw error;
        }
    }

    private static StripeException ReadError(HttpResponseMessage response, string body)
    {
        StripeErrorBody? error = null;
        try
        {
            error = JsonSerializer.Deserialize<StripeErrorEnvelope>(body, StripeJson.Options)?.Error;
        }
        catch (JsonException)
        {
            // A proxy's HTML error page, not Stripe's JSON: the status code alone says what happened.
        }

        var status = (int)response.StatusCode;
        return new StripeException(error?.Message ?? $"Stripe answered {status} {response.ReasonPhrase}.")
        {
            StatusCode = status,
            Type = error?.Type,
            Code = error?.Code,
            DeclineCode = error?.DeclineCode,
            Param = error?.Param,
            OutcomeUnknown = status is 409 or 429 || status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe retry {Retry} after status {Status} / {Exception}, waiting {Delay}")]
    private partial void LogRetry(int retry, int? status, string? exception, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe unreachable for {Method} {Path} after every retry")]
    private partial void LogUnreachable(Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe answered {Status} ({Type}, {Code}) to {Method} {Path}")]
    private partial void LogRefused(int status, string? type, string? code, string method, string path);
}
