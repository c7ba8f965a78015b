using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>
/// A shopper's request completes on the spot only when the policy allows it outright and no money has to go
/// back: a $0 order, an unpaid one, or one paid with points or store credit (those are given back automatically).
/// </summary>
public sealed class OnlyOrdersWithNothingToRefundCancelAtOnce
{
    private static bool NothingToRefund(PaymentMethod method, decimal paid) =>
        paid == 0m || method is PaymentMethod.Points or PaymentMethod.StoreCredit;

    public static TheoryData<PaymentMethod, decimal, PolicyAnswer> EveryPaymentAndAnswer()
    {
        var data = new TheoryData<PaymentMethod, decimal, PolicyAnswer>();
        foreach (var method in Enum.GetValues<PaymentMethod>())
        {
            foreach (var paid in new[] { 0m, 25m })
            {
                foreach (var answer in Enum.GetValues<PolicyAnswer>())
                {
                    data.Add(method, paid, answer);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPaymentAndAnswer))]
    public void TheOrderCancelsAtOnceOnlyWhenAllowedWithNothingToRefund(PaymentMethod method, decimal paid, PolicyAnswer answer)
    {
        var order = TestOrders.Paid(method, price: 25m, amountPaid: paid);

        var atOnce = CancellationPolicy.CancelsAtOnce(order, answer);

        atOnce.ShouldBe(answer == PolicyAnswer.Allowed && NothingToRefund(method, paid));
        order.HasMoneyToRefund.ShouldBe(!NothingToRefund(method, paid));
    }

    [Fact]
    public void AFullyDiscountedOrderCancelsAtOnce()
    {
        var order = TestOrders.Free();

        order.Total.ShouldBe(0m);
        CancellationPolicy.CancelsAtOnce(order, CancellationPolicy.Evaluate(order, hasOpenRequest: false)).ShouldBeTrue();
    }
}
