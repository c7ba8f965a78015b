using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.TestSupport;

namespace CancellationPortal.Stripe.Tests;

/// <param name="Sku">The order's one item: 3 on the shelf before the cancellation, 1 on the order, restocked on completion.</param>
public sealed record SeededCardRefund(Guid OrderId, string OrderNumber, Guid RequestId, Guid RefundId, string Sku);

/// <summary>A card-paid order with an accepted cancellation and its card refund committed as Pending, as the refund issuer leaves it.</summary>
public static class CardRefundSeed
{
    public static async Task<SeededCardRefund> CreateAsync(
        TestDatabase database,
        string paymentReference,
        DateTimeOffset createdAt,
        decimal paid = 50m,
        string currency = "EUR",
        string? providerReference = null)
    {
        var staff = Actor.Staff("staff-1", "Sam Support");
        var number = $"T{Guid.NewGuid():N}"[..12];
        var sku = $"SKU-{number}";
        var order = Order.Place(
            number, "customer-1", "shopper@example.com", "Pat Shopper", currency,
            [new OrderLine(sku, "Mug", 1, paid)], 0m, 0m, PaymentMethod.Card, paid, createdAt, paymentReference);
        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Actor.Shopper("customer-1", "Pat Shopper"), "portal", ShopperReason.ChangedMind, null, createdAt).Value!;
        request.Accept(staff, createdAt).IsSuccess.ShouldBeTrue();
        var cardRefunds = new RefundRules(CardAvailable: true, "Stripe", "EUR", PointsPerCurrencyUnit: 100);
        var decision = new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.OriginalPayment, paid, null, RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);
        var refund = request.Decide(decision, cardRefunds, staff, createdAt).Value.ShouldNotBeNull();
        if (providerReference is not null)
        {
            refund.RecordProviderReference(providerReference);
        }

        await using var db = database.CreateContext();
        db.Orders.Add(order);
        db.CancellationRequests.Add(request);
        db.StockItems.Add(new StockItem(sku, "Mug", 3));
        await db.SaveChangesAsync();
        return new SeededCardRefund(order.Id, number, request.Id, refund.Id, sku);
    }
}
