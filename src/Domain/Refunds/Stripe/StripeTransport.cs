using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Sdk = Stripe;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>
/// Stripe.net's HTTP transport with Stripe's retry rules applied here instead of inside the SDK, so the
/// per-attempt timeout and the waits between attempts run on the injected clock. Every attempt resends the
/// same request, idempotency key included, so Stripe performs the operation at most once.
/// </summary>
internal sealed partial class StripeTransport : Sdk.IHttpClient
{
    private readonly Sdk.IHttpClient _inner;
    private readonly StripeOptions _options;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<Sdk.StripeResponse> _pipeline;

    public StripeTransport(HttpClient http, StripeOptions options, TimeProvider clock, ILogger logger)
    {
        // The SDK's own retries sleep on the wall clock and skip 429: they are off, the pipeline below retries.
        _inner = new Sdk.SystemNetHttpClient(http, maxNetworkRetries: 0, appInfo: null, enableTelemetry: false);
        _options = options;
        _logger = logger;
        var pipeline = new ResiliencePipelineBuilder<Sdk.StripeResponse> { TimeProvider = clock };
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions<Sdk.StripeResponse>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context.CancellationToken)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(RetryDelay(args.AttemptNumber + 1)),
                OnRetry = args =>
                {
                    LogRetry(args.AttemptNumber + 1, (int?)args.Outcome.Result?.StatusCode, args.Outcome.Exception?.GetType().Name, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _pipeline = pipeline.AddTimeout(options.RequestTimeout).Build();
    }

    public Task<Sdk.StripeResponse> MakeRequestAsync(Sdk.StripeRequest request, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(
            async token => await _inner.MakeRequestAsync(request, token).ConfigureAwait(false),
            cancellationToken).AsTask();

    /// <summary>Only file downloads stream; we request none, so they go out as a single attempt.</summary>
    public Task<Sdk.StripeStreamedResponse> MakeStreamingRequestAsync(Sdk.StripeRequest request, CancellationToken cancellationToken) =>
        _inner.MakeStreamingRequestAsync(request, cancellationToken);

    /// <summary>Stripe's rules: retry network failures, 409, 429 and 5xx, never other 4xx; its header overrides both ways.</summary>
    internal static bool ShouldRetry(Sdk.StripeResponse response)
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

        return IsOutcomeUnknown((int)response.StatusCode);
    }

    /// <summary>A status after which Stripe may or may not have acted: a conflict, a rate limit, a timeout or its own failure.</summary>
    internal static bool IsOutcomeUnknown(int status) => status is 408 or 409 or 429 || status >= 500;

    /// <summary>The network failed or the attempt timed out, not because the caller gave up.</summary>
    internal static bool IsNetworkFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or TimeoutRejectedException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static bool ShouldRetry(Outcome<Sdk.StripeResponse> outcome, CancellationToken cancellationToken) => outcome switch
    {
        { Exception: { } exception } => IsNetworkFailure(exception, cancellationToken),
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe retry {Retry} after status {Status} / {Exception}, waiting {Delay}")]
    private partial void LogRetry(int retry, int? status, string? exception, TimeSpan delay);
}
