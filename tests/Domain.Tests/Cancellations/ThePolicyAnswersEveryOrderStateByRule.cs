using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>
/// Every fulfillment × payment × supplier state, canceled or not, with or without an open request, against the
/// store's rules written out in order (the first rule that matches decides).
/// </summary>
public sealed class ThePolicyAnswersEveryOrderStateByRule
{
    private static readonly (string Rule, Func<Case, bool> Applies, PolicyAnswer Answer)[] Rules =
    [
        ("A canceled order is already canceled, whatever else is true", c => c.Canceled, PolicyAnswer.AlreadyCanceled),
        ("An order with an open request is already requested", c => c.HasOpenRequest, PolicyAnswer.AlreadyRequested),
        ("Shipped, in transit or delivered by the store: return it", c => c.Fulfillment is FulfillmentStatus.Shipped or FulfillmentStatus.InTransit or FulfillmentStatus.Delivered, PolicyAnswer.MustReturn),
        ("Shipped by the drop-ship supplier: return it", c => c.Supplier == SupplierOrderStatus.Shipped, PolicyAnswer.MustReturn),
        ("Placed with a supplier that has not shipped: cancel with the supplier first", c => c.Supplier == SupplierOrderStatus.Placed, PolicyAnswer.MustCancelWithSupplier),
        ("Being packed: revert the fulfillment first", c => c.Fulfillment == FulfillmentStatus.FulfillmentInProgress, PolicyAnswer.MustRevertFulfillment),
        ("Anything else (unfulfilled, returned to sender, supplier canceled), however it was paid: cancel", _ => true, PolicyAnswer.Allowed),
    ];

    public sealed record Case(FulfillmentStatus Fulfillment, PaymentMethod Payment, SupplierOrderStatus Supplier, bool Canceled, bool HasOpenRequest);

    public static TheoryData<FulfillmentStatus, PaymentMethod, SupplierOrderStatus, bool, bool> EveryOrderState()
    {
        var data = new TheoryData<FulfillmentStatus, PaymentMethod, SupplierOrderStatus, bool, bool>();
        foreach (var fulfillment in Enum.GetValues<FulfillmentStatus>())
        {
            foreach (var payment in Enum.GetValues<PaymentMethod>())
            {
                foreach (var supplier in Enum.GetValues<SupplierOrderStatus>())
                {
                    foreach (var canceled in new[] { false, true })
                    {
                        foreach (var open in new[] { false, true })
                        {
                            data.Add(fulfillment, payment, supplier, canceled, open);
                        }
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryOrderState))]
    public void ThePolicyGivesTheAnswerOfTheFirstMatchingRule(FulfillmentStatus fulfillment, PaymentMethod payment, SupplierOrderStatus supplier, bool canceled, bool hasOpenRequest)
    {
        var @case = new Case(fulfillment, payment, supplier, canceled, hasOpenRequest);
        var (rule, _, expected) = Rules.First(r => r.Applies(@case));
        var order = TestOrders.Paid(payment);
        order.UpdateFulfillment(fulfillment);
        order.UpdateSupplier(supplier);
        if (canceled)
        {
            order.MarkCanceled(TestOrders.PlacedAt.AddDays(1));
        }

        var answer = CancellationPolicy.Evaluate(order, hasOpenRequest);

        answer.ShouldBe(expected, rule);
        answer.Describe().ShouldNotBeNullOrWhiteSpace();
    }
}
