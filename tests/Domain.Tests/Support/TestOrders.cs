using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Tests.Support;

/// <summary>Orders as the tests need them: one line, paid in full unless told otherwise.</summary>
public static class TestOrders
{
    public static readonly DateTimeOffset PlacedAt = new(2026, 10, 30, 14, 0, 0, TimeSpan.Zero);

    private static int _next = 50000;

    public static Order Paid(
        PaymentMethod method = PaymentMethod.Card,
        decimal price = 40m,
        string currency = "EUR",
        string customerId = "customer-1",
        decimal? amountPaid = null,
        long pointsRedeemed = 0) =>
        Order.Place(
            NextNumber(),
            customerId,
            $"{customerId}@example.com",
            $"Shopper {customerId}",
            currency,
            [new OrderLine("SKU-0001", "Walnut desk lamp", 1, price)],
            0m,
            0m,
            method,
            amountPaid ?? price,
            PlacedAt,
            method == PaymentMethod.Card ? "pi_test" : null,
            pointsRedeemed);

    /// <summary>A giveaway: fully discounted, nothing paid.</summary>
    public static Order Free(string customerId = "customer-1") =>
        Order.Place(
            NextNumber(),
            customerId,
            $"{customerId}@example.com",
            $"Shopper {customerId}",
            "USD",
            [new OrderLine("SKU-0002", "Sticker pack", 1, 5m)],
            0m,
            5m,
            PaymentMethod.None,
            0m,
            PlacedAt);

    public static string NextNumber() => Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A store that allows every refund method: a card gateway, points valued in EUR at 100 a euro.</summary>
public static class TestRefundRules
{
    public static readonly RefundRules All = new(CardAvailable: true, "Test gateway", "EUR", PointsPerCurrencyUnit: 100);
}
