using CancellationPortal.Domain.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sdk = Stripe;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>What to refund: a payment intent (pi_...) or a charge (ch_...), all that is left or a part of it.</summary>
public sealed record StripeRefundCreate(string PaymentReference, Money? Amount, string Reason, IReadOnlyDictionary<string, string> Metadata);

/// <summary>
/// The part of Stripe's API we use, through Stripe.net. Every POST carries the caller's idempotency key, and
/// every retry reuses it, so Stripe performs the operation at most once. Stripe.net's errors become our
/// <see cref="StripeException"/>, which tells staff what happened in their words.
/// </summary>
public sealed partial class StripeClient
{
    public const string RefundIdMetadataKey = "refund_id";
    public const string OrderNumberMetadataKey = "order_number";
    public const string RepaymentIdMetadataKey = "repayment_id";

    private readonly Sdk.RefundService _refunds;
    private readonly Sdk.PaymentIntentService _paymentIntents;
    private readonly Sdk.ChargeService _charges;
    private readonly Sdk.Checkout.SessionService _sessions;
    private readonly ILogger<StripeClient> _logger;

    public StripeClient(HttpClient http, IOptions<StripeOptions> options, TimeProvider clock, ILogger<StripeClient> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        _logger = logger;

        // Stripe.net appends "/v1/..." to the base: a trailing slash would double it.
        var sdk = new Sdk.StripeClient(
            settings.SecretKey,
            httpClient: new StripeTransport(http, settings, clock, logger),
            apiBase: settings.ApiBase.AbsoluteUri.TrimEnd('/'));
        _refunds = new Sdk.RefundService(sdk);
        _paymentIntents = new Sdk.PaymentIntentService(sdk);
        _charges = new Sdk.ChargeService(sdk);
        _sessions = new Sdk.Checkout.SessionService(sdk);
    }

    public Task<Sdk.Refund> CreateRefundAsync(StripeRefundCreate refund, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var create = new Sdk.RefundCreateOptions
        {
            Amount = refund.Amount?.ToMinorUnits(),
            Reason = refund.Reason,
            Metadata = new Dictionary<string, string>(refund.Metadata),
        };
        if (IsCharge(refund.PaymentReference))
        {
            create.Charge = refund.PaymentReference;
        }
        else
        {
            create.PaymentIntent = refund.PaymentReference;
        }

        return CallAsync("create refund", token => _refunds.CreateAsync(create, Key(idempotencyKey), token), cancellationToken);
    }

    public Task<Sdk.Refund> GetRefundAsync(string refundId, CancellationToken cancellationToken) =>
        CallAsync("retrieve refund", token => _refunds.GetAsync(refundId, cancellationToken: token), cancellationToken);

    /// <summary>The refunds of a payment intent or charge, newest first (up to 100, more than any order has).</summary>
    public Task<Sdk.StripeList<Sdk.Refund>> ListRefundsAsync(string paymentReference, CancellationToken cancellationToken)
    {
        var list = new Sdk.RefundListOptions { Limit = 100 };
        if (IsCharge(paymentReference))
        {
            list.Charge = paymentReference;
        }
        else
        {
            list.PaymentIntent = paymentReference;
        }

        return CallAsync("list refunds", token => _refunds.ListAsync(list, cancellationToken: token), cancellationToken);
    }

    /// <summary>Cancels a refund; Stripe allows it only while the refund's status is requires_action.</summary>
    public Task<Sdk.Refund> CancelRefundAsync(string refundId, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync("cancel refund", token => _refunds.CancelAsync(refundId, null, Key(idempotencyKey), token), cancellationToken);

    public Task<Sdk.PaymentIntent> GetPaymentIntentAsync(string paymentIntentId, CancellationToken cancellationToken) =>
        CallAsync("retrieve payment intent", token => _paymentIntents.GetAsync(paymentIntentId, cancellationToken: token), cancellationToken);

    public Task<Sdk.Charge> GetChargeAsync(string chargeId, CancellationToken cancellationToken) =>
        CallAsync("retrieve charge", token => _charges.GetAsync(chargeId, cancellationToken: token), cancellationToken);

    /// <summary>
    /// A Checkout Session for one payment of <paramref name="amount"/>: Stripe's page takes the card and sends the
    /// shopper back to <paramref name="returnUrl"/>. Our Repayment row's id is both the key and in the metadata.
    /// </summary>
    public Task<Sdk.Checkout.Session> CreateCheckoutSessionAsync(Money amount, string description, Uri returnUrl, Guid repaymentId, string orderNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(returnUrl);
        var metadata = new Dictionary<string, string>
        {
            [RepaymentIdMetadataKey] = repaymentId.ToString("D"),
            [OrderNumberMetadataKey] = orderNumber,
        };
        var create = new Sdk.Checkout.SessionCreateOptions
        {
            Mode = "payment",
            SuccessUrl = returnUrl.AbsoluteUri,
            CancelUrl = returnUrl.AbsoluteUri,
            ClientReferenceId = repaymentId.ToString("D"),
            Metadata = metadata,
            PaymentIntentData = new Sdk.Checkout.SessionPaymentIntentDataOptions { Metadata = new Dictionary<string, string>(metadata) },
            LineItems =
            [
                new Sdk.Checkout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new Sdk.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = amount.Currency.ToLowerInvariant(),
                        UnitAmount = amount.ToMinorUnits(),
                        ProductData = new Sdk.Checkout.SessionLineItemPriceDataProductDataOptions { Name = description },
                    },
                },
            ],
        };
        return CallAsync("create checkout session", token => _sessions.CreateAsync(create, Key(repaymentId.ToString("D")), token), cancellationToken);
    }

    public Task<Sdk.Checkout.Session> GetCheckoutSessionAsync(string sessionId, CancellationToken cancellationToken) =>
        CallAsync("retrieve checkout session", token => _sessions.GetAsync(sessionId, cancellationToken: token), cancellationToken);

    /// <summary>Our Repayment row id, which we put into the session's metadata when creating it.</summary>
    public static Guid? OurRepaymentId(Sdk.Checkout.Session session) =>
        session?.Metadata is { } metadata && metadata.TryGetValue(RepaymentIdMetadataKey, out var value) && Guid.TryParse(value, out var id) ? id : null;

    /// <summary>Our Refund row id, which we put into the refund's metadata when creating it.</summary>
    public static Guid? OurRefundId(Sdk.Refund refund) =>
        refund?.Metadata is { } metadata && metadata.TryGetValue(RefundIdMetadataKey, out var value) && Guid.TryParse(value, out var id) ? id : null;

    /// <summary>Stripe names a payment intent's and a charge's parameter differently; the id prefix tells which.</summary>
    private static bool IsCharge(string paymentReference)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(paymentReference);
        return paymentReference.StartsWith("ch_", StringComparison.Ordinal) || paymentReference.StartsWith("py_", StringComparison.Ordinal);
    }

    private static Sdk.RequestOptions Key(string idempotencyKey) => new() { IdempotencyKey = idempotencyKey };

    private async Task<T> CallAsync<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (Sdk.StripeException ex)
        {
            var status = (int)ex.HttpStatusCode;
            var error = ex.StripeError;
            LogRefused(status, error?.Type, error?.Code, operation);
            throw new StripeException(error?.Message ?? ex.Message, ex)
            {
                StatusCode = status,
                Type = error?.Type,
                Code = error?.Code,
                DeclineCode = error?.DeclineCode,
                Param = error?.Param,
                OutcomeUnknown = StripeTransport.IsOutcomeUnknown(status),
            };
        }
        catch (Exception ex) when (StripeTransport.IsNetworkFailure(ex, cancellationToken))
        {
            LogUnreachable(ex, operation);
            throw StripeException.Unreachable(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Stripe unreachable to {Operation} after every retry")]
    private partial void LogUnreachable(Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe answered {Status} ({Type}, {Code}) to {Operation}")]
    private partial void LogRefused(int status, string? type, string? code, string operation);
}
