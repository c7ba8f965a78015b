using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// What this store's set-up allows a refund to use: whether card refunds can go out, and what a loyalty point is
/// worth. A request checks every refund against them.
/// </summary>
/// <param name="GatewayName">How staff see the card gateway, e.g. "Stripe" or "Sandbox — no money moves".</param>
/// <param name="PointsCurrency">The currency points are valued in; orders in another one cannot be refunded in points.</param>
public sealed record RefundRules(bool CardAvailable, string GatewayName, string PointsCurrency, int PointsPerCurrencyUnit)
{
    /// <summary>Why a method cannot refund this order now, or null when it can.</summary>
    public string? WhyNot(Order order, RefundMethod method)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (order.IsDisputed)
        {
            return "The shopper disputed this payment with their bank: no refund can be issued while the dispute is open, or the money would go back twice.";
        }

        if (method == RefundMethod.Points && !string.Equals(order.Currency, PointsCurrency, StringComparison.OrdinalIgnoreCase))
        {
            return $"Points are valued in {PointsCurrency}, so this {order.Currency} order cannot be refunded in points. Choose store credit, bank transfer or the card.";
        }

        if (method != RefundMethod.OriginalPayment)
        {
            return null;
        }

        if (!CardAvailable)
        {
            return "Card refunds are not available: no payment gateway is configured. Choose store credit, bank transfer or points.";
        }

        return order.PaymentMethod == PaymentMethod.Card && !string.IsNullOrEmpty(order.PaymentReference)
            ? null
            : "This order was not paid by card, so there is no card payment to refund.";
    }

    /// <summary>The points a refund of this amount buys back, rounded half away from zero.</summary>
    public long PointsFor(decimal amount) => (long)Math.Round(amount * PointsPerCurrencyUnit, MidpointRounding.AwayFromZero);
}

/// <summary>Reads <see cref="RefundRules"/> from the gateway, the configuration and the store settings.</summary>
public sealed class RefundRulesSource(AppDbContext db, IPaymentGateway gateway, IOptions<RefundOptions> options)
{
    public async Task<RefundRules> LoadAsync(CancellationToken cancellationToken)
    {
        var pointsPerUnit = await db.StoreSettings.AsNoTracking().Select(s => s.PointsPerCurrencyUnit).SingleAsync(cancellationToken);
        return new RefundRules(gateway.IsAvailable, gateway.DisplayName, options.Value.PointsCurrency, pointsPerUnit);
    }
}
