namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>The "Stripe" configuration section. Without a secret key, card refunds go to the sandbox gateway.</summary>
public sealed class StripeOptions
{
    public const string Section = "Stripe";

    /// <summary>
    /// The API version every request and every webhook event is pinned to, so Stripe never changes a shape
    /// under us: the one Stripe.net 53.1.0 is built for and sends. Upgrading Stripe.net means moving this too
    /// (a test compares it with what the SDK sends) and setting the webhook endpoint to the same version.
    /// </summary>
    public const string ApiVersion = "2026-10-28.endive";

    /// <summary>sk_live_... or sk_test_...; empty selects the sandbox gateway (no money moves).</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>whsec_...: the webhook endpoint refuses every event while it is empty.</summary>
    public string WebhookSecret { get; set; } = "";

    public Uri ApiBase { get; set; } = new("https://api.stripe.com");

    /// <summary>How long one attempt may take before it counts as a network failure and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt, as Stripe's own libraries do. They wait on the app's TimeProvider.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry waits about this long; each further retry doubles it, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How far a webhook's signed timestamp may be from our clock.</summary>
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromSeconds(300);

    public ReconciliationOptions Reconciliation { get; set; } = new();

    public bool IsConfigured => !string.IsNullOrWhiteSpace(SecretKey);
}

public sealed class ReconciliationOptions
{
    /// <summary>Run the reconciliation job in this process.</summary>
    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A pending refund younger than this is left alone: the staff request that created it is probably
    /// still talking to the provider.
    /// </summary>
    public TimeSpan MinimumAge { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;
}
