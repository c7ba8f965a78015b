using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.BackOffice.Tests.Reports;

/// <summary>
/// A small month whose figures are worked out by hand in <see cref="TheRefundReport"/>: ten orders in EUR, USD and
/// JPY, a full and a partial refund, a failed card refund retried as store credit, an undone cancellation, a
/// rejection, a withdrawal, an automated request, a pending card refund and a disputed order. Each test seeds it
/// in a month of its own, so the figures of one never include another's.
/// </summary>
public static class ReportMonth
{
    public static readonly Actor Sue = Actor.Staff("sue", "Sue Support");
    public static readonly Actor Otto = Actor.Staff("otto", "Otto Support");

    /// <returns>The order numbers, O1 to O10.</returns>
    public static async Task<List<string>> SeedAsync(BackOfficeApp app, DateTimeOffset month)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rules = BackOfficeApp.AllRefundMethods;
        DateTimeOffset At(int day, int hour, int minute = 0) => month.AddDays(day - 1).AddHours(hour).AddMinutes(minute);
        var shopper = Actor.Shopper(app.ShopperId, "Sam Shopper");

        // O1: EUR 100 refunded in full as store credit two hours after the request; the order is disputed later.
        var o1 = await RequestAsync(app, "EUR", 100m, PaymentMethod.BankDeposit, At(1, 0), shopper, ShopperReason.ChangedMind, At(3, 10));
        await app.ChangeRequestAsync(o1.Id, r =>
        {
            r.Accept(Sue, At(3, 12)).Error.ShouldBeNull();
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), rules, Sue, At(3, 12)).Error.ShouldBeNull();
            r.Order.SetDisputed(true);
        });

        // O2: EUR 80, 60 back by bank transfer and 20 kept as a restocking fee; canceled a day after the request.
        var o2 = await RequestAsync(app, "EUR", 80m, PaymentMethod.BankDeposit, At(1, 0), shopper, ShopperReason.OrderedByMistake, At(5, 9));
        await app.ChangeRequestAsync(o2.Id, r =>
        {
            r.Accept(Sue, At(5, 10)).Error.ShouldBeNull();
            var refund = r.Decide(new DecisionInput(DecisionReason.OutOfStock, null, RefundMethod.BankTransfer, 60m, "Restocking fee", true, false, false, null), rules, Sue, At(5, 10)).Value!;
            r.RecordBankTransfer(refund.Id, "TRF-1", Sue, At(6, 9)).Error.ShouldBeNull();
        });

        // O3: USD 50 asked by staff; the card refund fails, store credit settles it.
        var o3 = await RequestAsync(app, "USD", 50m, PaymentMethod.Card, At(2, 0), Otto, null, At(10, 8));
        await app.ChangeRequestAsync(o3.Id, r =>
        {
            r.Accept(Otto, At(10, 8, 30)).Error.ShouldBeNull();
            var card = r.Decide(BackOfficeApp.RefundInFull(RefundMethod.OriginalPayment), rules, Otto, At(10, 8, 30)).Value!;
            r.SettleRefund(card.Id, GatewayRefundResult.Failure("Card expired"), Actor.System, At(10, 9)).ShouldBeTrue();
            r.IssueRefund(RefundMethod.StoreCredit, 50m, rules, Otto, At(10, 10)).Error.ShouldBeNull();
        });

        // O4: JPY 5,000 refunded as store credit, then undone: the credit is taken back.
        var o4 = await RequestAsync(app, "JPY", 5000m, PaymentMethod.BankDeposit, At(2, 0), shopper, ShopperReason.FoundBetterPrice, At(12, 0));
        await app.ChangeRequestAsync(o4.Id, r =>
        {
            r.Accept(Sue, At(12, 1)).Error.ShouldBeNull();
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.StoreCredit), rules, Sue, At(12, 1)).Error.ShouldBeNull();
            // The store credit is still on the shopper's balance, so it is taken back and the order is active again at once.
            var balances = new UndoContext(StoreCreditBalance: 5000m, PointsBalance: 0, PointsPerCurrencyUnit: 100, OnHand: new Dictionary<string, int>(), CreditNoteToAnswer: null);
            r.Undo(Sue, "The shopper keeps the order", backorder: true, balances, At(13, 9)).Error.ShouldBeNull();
            r.Status.ShouldBe(CancellationStatus.Undone);
        });

        // O5: rejected three hours after the request. O6: withdrawn. O7: asked by automation, still open.
        var o5 = await RequestAsync(app, "EUR", 40m, PaymentMethod.BankDeposit, At(3, 0), shopper, ShopperReason.ChangedMind, At(15, 6));
        await app.ChangeRequestAsync(o5.Id, r => r.Reject(Sue, "Already packed", At(15, 9)).Error.ShouldBeNull());
        var o6 = await RequestAsync(app, "EUR", 30m, PaymentMethod.BankDeposit, At(3, 0), shopper, ShopperReason.DeliveryTooLong, At(20, 6));
        await app.ChangeRequestAsync(o6.Id, r => r.Withdraw(shopper, At(20, 7)).Error.ShouldBeNull());
        var o7 = await RequestAsync(app, "EUR", 20m, PaymentMethod.BankDeposit, At(4, 0), Actor.System, null, At(25, 6));

        // O8, O9: orders nobody asked to cancel. O10: EUR 25 by card, accepted after four hours, its refund still pending.
        var o8 = await OrderAsync(app, "EUR", 15m, PaymentMethod.BankDeposit, At(5, 0));
        var o9 = await OrderAsync(app, "USD", 15m, PaymentMethod.BankDeposit, At(6, 0));
        var o10 = await RequestAsync(app, "EUR", 25m, PaymentMethod.Card, At(7, 0), shopper, ShopperReason.ChangedMind, At(26, 6));
        await app.ChangeRequestAsync(o10.Id, r =>
        {
            r.Accept(Sue, At(26, 10)).Error.ShouldBeNull();
            r.Decide(BackOfficeApp.RefundInFull(RefundMethod.OriginalPayment), rules, Sue, At(26, 10)).Error.ShouldBeNull();
        });

        return [o1.Number, o2.Number, o3.Number, o4.Number, o5.Number, o6.Number, o7.Number, o8.Number, o9.Number, o10.Number];
    }

    private static async Task<(Guid Id, string Number)> RequestAsync(BackOfficeApp app, string currency, decimal paid, PaymentMethod method, DateTimeOffset placedAt, Actor by, ShopperReason? reason, DateTimeOffset requestedAt)
    {
        await using var db = app.CreateContext();
        var order = NewOrder(app, currency, paid, method, placedAt);
        db.Orders.Add(order);
        db.Invoices.Add(Invoice.Issue($"INV-{order.Number}", order.Id, order.Total, order.Currency, order.PlacedAt));
        var source = by.Kind switch { ActorKind.Shopper => "portal", ActorKind.Staff => "backoffice", _ => "courier" };
        var request = CancellationRequest.Submit(order, CancellationPolicy.Evaluate(order, hasOpenRequest: false), by, source, reason, null, requestedAt).Value!;
        db.CancellationRequests.Add(request);
        await db.SaveChangesAsync();
        return (request.Id, order.Number);
    }

    private static async Task<(Guid Id, string Number)> OrderAsync(BackOfficeApp app, string currency, decimal paid, PaymentMethod method, DateTimeOffset placedAt)
    {
        await using var db = app.CreateContext();
        var order = NewOrder(app, currency, paid, method, placedAt);
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return (order.Id, order.Number);
    }

    private static Order NewOrder(BackOfficeApp app, string currency, decimal paid, PaymentMethod method, DateTimeOffset placedAt)
    {
        var number = BackOfficeApp.NextOrderNumber();
        return Order.Place(number, app.ShopperId, BackOfficeApp.Shopper, "Sam Shopper", currency, [new OrderLine($"SKU-{number}", "Teapot", 1, paid)], 0m, 0m, method, paid, placedAt,
            method == PaymentMethod.Card ? $"pi_{number}" : null);
    }
}
