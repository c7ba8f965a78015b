using CancellationPortal.Domain.Common;
using Sdk = Stripe;

namespace CancellationPortal.Domain.Refunds.Stripe;

/// <summary>Card refunds through Stripe. Our Refund row's id is the idempotency key of the create call.</summary>
public sealed class StripePaymentGateway(StripeClient client) : IPaymentGateway
{
    /// <summary>
    /// Every refund here comes from a cancellation the shopper asked for. The staff's own reason stays in our
    /// audit trail: Stripe replays a key only for identical parameters, and reconciliation must be able to
    /// rebuild the exact create call from the Refund row alone.
    /// </summary>
    public const string StripeReason = "requested_by_customer";

    public bool IsAvailable => true;

    public string DisplayName => "Stripe";

    public async Task<GatewayRefundResult> RefundAsync(GatewayRefundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var create = new StripeRefundCreate(
            request.PaymentReference,
            request.Amount,
            StripeReason,
            new Dictionary<string, string>
            {
                [StripeClient.OrderNumberMetadataKey] = request.OrderNumber,
                [StripeClient.RefundIdMetadataKey] = request.IdempotencyKey.ToString("D"),
            });
        try
        {
            var refund = await client.CreateRefundAsync(create, request.IdempotencyKey.ToString("D"), cancellationToken).ConfigureAwait(false);
            return ToResult(refund);
        }
        catch (StripeException ex)
        {
            return ex.OutcomeUnknown ? GatewayRefundResult.Unknown(ex.StaffMessage) : GatewayRefundResult.Failure(ex.StaffMessage);
        }
    }

    public async Task<GatewayRefundResult?> FindRefundAsync(GatewayRefundLookup lookup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        if (!string.IsNullOrWhiteSpace(lookup.ProviderRefundId))
        {
            return ToResult(await client.GetRefundAsync(lookup.ProviderRefundId, cancellationToken).ConfigureAwait(false));
        }

        var refunds = await client.ListRefundsAsync(lookup.PaymentReference, cancellationToken).ConfigureAwait(false);
        var ours = refunds.Data.FirstOrDefault(r => StripeClient.OurRefundId(r) == lookup.IdempotencyKey);
        return ours is null ? null : ToResult(ours);
    }

    public async Task<GatewayRefundCancel> CancelRefundAsync(GatewayRefundCancelRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.ProviderRefundId))
        {
            return GatewayRefundCancel.Refused(null, "Stripe never confirmed this refund, so it cannot be canceled: its amount counts as paid back to the shopper.");
        }

        try
        {
            var refund = await client.CancelRefundAsync(request.ProviderRefundId, $"cancel-{request.RefundId:D}", cancellationToken).ConfigureAwait(false);
            return refund.Status == "canceled" ? GatewayRefundCancel.Done : GatewayRefundCancel.Refused(ToResult(refund), "Stripe did not cancel the refund.");
        }
        catch (StripeException ex) when (!ex.OutcomeUnknown)
        {
            // Stripe cancels only a refund waiting for an action: what became of this one decides what is due.
            var current = await client.GetRefundAsync(request.ProviderRefundId, cancellationToken).ConfigureAwait(false);
            return GatewayRefundCancel.Refused(ToResult(current), "Stripe can no longer cancel this refund.");
        }
        catch (StripeException ex)
        {
            return GatewayRefundCancel.Refused(null, ex.StaffMessage);
        }
    }

    public async Task<GatewayPaymentStart> StartPaymentAsync(GatewayPaymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var session = await client.CreateCheckoutSessionAsync(
            request.Amount, $"Keeping order {request.OrderNumber}", request.ReturnUrl, request.IdempotencyKey, request.OrderNumber, cancellationToken).ConfigureAwait(false);
        return new GatewayPaymentStart(session.Id, new Uri(session.Url));
    }

    public async Task<Money?> FindPaymentAsync(string paymentReference, CancellationToken cancellationToken) =>
        PaidOf(await client.GetCheckoutSessionAsync(paymentReference, cancellationToken).ConfigureAwait(false));

    /// <summary>What a Checkout Session took, once Stripe says it is paid.</summary>
    public static Money? PaidOf(Sdk.Checkout.Session session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.PaymentStatus == "paid" && session.AmountTotal is { } total && !string.IsNullOrEmpty(session.Currency)
            ? Money.FromMinorUnits(total, session.Currency)
            : null;
    }

    /// <summary>The refund's status in our terms, with the amount and currency Stripe says it refunded.</summary>
    public static GatewayRefundResult ToResult(Sdk.Refund refund)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var result = refund.Status switch
        {
            "succeeded" => GatewayRefundResult.Success(refund.Id),
            "failed" => new GatewayRefundResult(GatewayRefundStatus.Failed, refund.Id, StripeMessages.ForFailureReason(refund.FailureReason)),
            "canceled" => new GatewayRefundResult(GatewayRefundStatus.Failed, refund.Id, "The refund was canceled at Stripe."),
            _ => GatewayRefundResult.Pending(refund.Id),
        };
        return string.IsNullOrEmpty(refund.Currency) ? result : result with { Reported = Money.FromMinorUnits(refund.Amount, refund.Currency) };
    }
}
