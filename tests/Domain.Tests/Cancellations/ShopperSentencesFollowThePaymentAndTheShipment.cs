using System.Text.RegularExpressions;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>
/// What a shopper reads about their money, for every way of paying and every state of the shipment: store credit
/// and points go back rather than being "nothing to refund", an unpaid order says why nothing goes back, and no
/// sentence names an amount the shopper never paid.
/// </summary>
public sealed partial class ShopperSentencesFollowThePaymentAndTheShipment
{
    private const string Stop = "The order is already being prepared for shipping. You can still ask to cancel: the store will stop the shipment first, then cancel the order. ";
    private const string AtOnce = " The order is canceled as soon as you confirm.";

    private static readonly Dictionary<PaymentMethod, string> WhenCanceled = new()
    {
        [PaymentMethod.None] = "Nothing was paid for this order, so there is nothing to refund.",
        [PaymentMethod.Card] = "Once we accept your request, we refund the EUR 40.00 you paid by card.",
        [PaymentMethod.BankDeposit] = "Once we accept your request, we refund the EUR 40.00 you paid by bank deposit.",
        [PaymentMethod.Points] = "The 4,000 points you paid with go back to your account.",
        [PaymentMethod.StoreCredit] = "The EUR 40.00 in store credit you paid with goes back to your account.",
        [PaymentMethod.CashOnDelivery] = "You pay cash on delivery and have not paid yet, so there is nothing to refund.",
    };

    private static readonly Dictionary<PaymentMethod, string> AfterReturn = new()
    {
        [PaymentMethod.None] = "Nothing was paid for this order, so there is nothing to refund. We email you when the return has arrived.",
        [PaymentMethod.Card] = "Within 14 days of the return arriving we refund the EUR 40.00 you paid by card and email you.",
        [PaymentMethod.BankDeposit] = "Within 14 days of the return arriving we refund the EUR 40.00 you paid by bank deposit and email you.",
        [PaymentMethod.Points] = "Within 14 days of the return arriving we give back the 4,000 points you paid with and email you.",
        [PaymentMethod.StoreCredit] = "Within 14 days of the return arriving we give back the EUR 40.00 in store credit you paid with and email you.",
        [PaymentMethod.CashOnDelivery] = "You pay cash on delivery and have not paid yet, so there is nothing to refund. We email you when the return has arrived.",
    };

    public static TheoryData<PaymentMethod, FulfillmentStatus, string> BeforeARequest()
    {
        var rows = new TheoryData<PaymentMethod, FulfillmentStatus, string>();
        foreach (var method in Enum.GetValues<PaymentMethod>())
        {
            var atOnce = method is PaymentMethod.None or PaymentMethod.Points or PaymentMethod.StoreCredit or PaymentMethod.CashOnDelivery;
            var allowed = WhenCanceled[method] + (atOnce ? AtOnce : "");
            rows.Add(method, FulfillmentStatus.Unfulfilled, allowed);
            rows.Add(method, FulfillmentStatus.FulfillmentInProgress, Stop + WhenCanceled[method]);
            rows.Add(method, FulfillmentStatus.Shipped, AfterReturn[method]);
            rows.Add(method, FulfillmentStatus.InTransit, AfterReturn[method]);
            rows.Add(
                method,
                FulfillmentStatus.Delivered,
                method == PaymentMethod.CashOnDelivery
                    ? "Within 14 days of the return arriving we refund the EUR 40.00 you paid in cash on delivery and email you."
                    : AfterReturn[method]);
            rows.Add(method, FulfillmentStatus.ReturnedToSender, allowed);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(BeforeARequest))]
    public void BeforeARequestThePageSaysWhatWillGoBack(PaymentMethod method, FulfillmentStatus fulfillment, string expected)
    {
        ShopperSentences.BeforeRequest(Order(method, fulfillment)).ShouldBe(expected);
    }

    public static TheoryData<PaymentMethod, string, string> AfterTheCancellation => new()
    {
        { PaymentMethod.None, "Nothing was paid for this order, so there is nothing to refund.", "Nothing was paid for this order, so there was nothing to refund." },
        { PaymentMethod.Card, "We refund EUR 40.00 by original card payment and email you when the refund has been issued.", "We refunded EUR 40.00 by original card payment." },
        { PaymentMethod.BankDeposit, "We refund EUR 40.00 by bank transfer and email you when the refund has been issued.", "We refunded EUR 40.00 by bank transfer." },
        { PaymentMethod.Points, "The 4,000 points you paid with go back to your account.", "The 4,000 points you paid with are back on your account." },
        { PaymentMethod.StoreCredit, "The EUR 40.00 in store credit you paid with goes back to your account.", "The EUR 40.00 in store credit you paid with is back on your account." },
        { PaymentMethod.CashOnDelivery, "You pay cash on delivery and have not paid yet, so there is nothing to refund.", "You had not paid cash on delivery yet, so there was nothing to refund." },
    };

    [Theory]
    [MemberData(nameof(AfterTheCancellation))]
    public void OnceDecidedAndOnceCanceledThePageSaysWhatGoesBackAndHow(PaymentMethod method, string inProgress, string canceled)
    {
        var order = Order(method, FulfillmentStatus.Unfulfilled);
        var by = method == PaymentMethod.Card ? RefundMethod.OriginalPayment : RefundMethod.BankTransfer;
        RefundedMoney[] refunded = order.HasMoneyToRefund ? [new(order.PaidMoney, by)] : [];

        ShopperSentences.InProgress(order, order.RefundableAmount, by, null).ShouldBe(inProgress);
        ShopperSentences.Canceled(order, refunded, null).ShouldBe(canceled);
    }

    [Fact]
    public void BeforeStaffDecideACardRefundTheShopperIsToldItIsBeingWorkedOut()
    {
        ShopperSentences.InProgress(Order(PaymentMethod.Card, FulfillmentStatus.Unfulfilled), null, null, null)
            .ShouldBe("We are working out your refund and email you when it has been issued.");
    }

    [Fact]
    public void WhatTheStoreKeepsIsSaidWithItsReason()
    {
        var order = Order(PaymentMethod.Card, FulfillmentStatus.Unfulfilled);

        ShopperSentences.InProgress(order, 30m, RefundMethod.OriginalPayment, "The lamp was engraved for you")
            .ShouldBe("We refund EUR 30.00 by original card payment and email you when the refund has been issued. We keep EUR 10.00: The lamp was engraved for you.");
        ShopperSentences.Canceled(order, [new(new Money(30m, "EUR"), RefundMethod.OriginalPayment)], "The lamp was engraved for you")
            .ShouldBe("We refunded EUR 30.00 by original card payment. We kept EUR 10.00: The lamp was engraved for you.");
        ShopperSentences.InProgress(order, 0m, null, "Made to measure")
            .ShouldBe("We keep the EUR 40.00 you paid: Made to measure.");
        ShopperSentences.Canceled(order, [], "Made to measure")
            .ShouldBe("We kept the EUR 40.00 you paid: Made to measure.");
    }

    [Fact]
    public void PointsUsedBesideMoneyGoBackWithTheRefund()
    {
        var order = TestOrders.Paid(PaymentMethod.Card, pointsRedeemed: 500);

        ShopperSentences.BeforeRequest(order)
            .ShouldBe("Once we accept your request, we refund the EUR 40.00 you paid by card. The 500 points you used go back to your account when the order is canceled.");
        ShopperSentences.Canceled(order, [new(order.PaidMoney, RefundMethod.OriginalPayment)], null)
            .ShouldBe("We refunded EUR 40.00 by original card payment. The 500 points you used are back on your account.");
    }

    [Fact]
    public void NoSentenceNamesAnAmountNotPaidOrMissesASpace()
    {
        foreach (var method in Enum.GetValues<PaymentMethod>())
        {
            foreach (var fulfillment in Enum.GetValues<FulfillmentStatus>())
            {
                var order = Order(method, fulfillment);
                string[] sentences =
                [
                    ShopperSentences.BeforeRequest(order),
                    ShopperSentences.InProgress(order, order.RefundableAmount, RefundMethod.StoreCredit, null),
                    ShopperSentences.Canceled(order, order.HasMoneyToRefund ? [new(order.PaidMoney, RefundMethod.StoreCredit)] : [], null),
                ];
                foreach (var sentence in sentences)
                {
                    var where = $"{method} × {fulfillment}: {sentence}";
                    sentence.ShouldNotContain("  ", customMessage: where);
                    MissingSpace().IsMatch(sentence).ShouldBeFalse(where);
                    sentence.ShouldNotContain("EUR 0.00", customMessage: where);
                    CodeName().IsMatch(sentence).ShouldBeFalse(where);
                    sentence.ShouldEndWith(".", customMessage: where);
                }
            }
        }
    }

    /// <summary>An order of EUR 40.00 paid as people pay that way: points and store credit in full, cash on delivery only once delivered.</summary>
    private static Order Order(PaymentMethod method, FulfillmentStatus fulfillment)
    {
        var order = method switch
        {
            PaymentMethod.None => TestOrders.Paid(PaymentMethod.None, amountPaid: 0m),
            PaymentMethod.Points => TestOrders.Paid(PaymentMethod.Points, amountPaid: 0m, pointsRedeemed: 4000),
            PaymentMethod.CashOnDelivery => TestOrders.Paid(PaymentMethod.CashOnDelivery, amountPaid: fulfillment == FulfillmentStatus.Delivered ? 40m : 0m),
            _ => TestOrders.Paid(method),
        };
        order.UpdateFulfillment(fulfillment);
        return order;
    }

    /// <summary>An enum member's name such as BankDeposit or CashOnDelivery.</summary>
    [GeneratedRegex(@"\b[A-Z][a-z]+[A-Z]\w*")]
    private static partial Regex CodeName();

    /// <summary>A sentence end run into the next sentence ("refund.The points").</summary>
    [GeneratedRegex(@"[.:;,][A-Za-z]")]
    private static partial Regex MissingSpace();
}
