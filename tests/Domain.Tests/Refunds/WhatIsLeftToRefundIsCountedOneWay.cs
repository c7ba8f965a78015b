using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Tests.Refunds;

public sealed class WhatIsLeftToRefundIsCountedOneWay
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "15.50", RefundStatus.Pending, "24.50", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "15.50", RefundStatus.Succeeded, "24.50", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "15.50", RefundStatus.Failed, "40.00", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "15.50", RefundStatus.Canceled, "40.00", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "15.50", RefundStatus.Reversed, "40.00", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "40.00", RefundStatus.Pending, "0", false)]
    [InlineData(RefundMethod.OriginalPayment, "40.00", "EUR", "40.00", RefundStatus.Succeeded, "0", true)]
    [InlineData(RefundMethod.StoreCredit, "40.00", "EUR", "40.00", RefundStatus.Succeeded, "0", true)]
    [InlineData(RefundMethod.BankTransfer, "40.00", "EUR", "40.00", RefundStatus.Pending, "0", false)]
    [InlineData(RefundMethod.BankTransfer, "40.00", "EUR", "40.00", RefundStatus.Failed, "40.00", false)]
    [InlineData(RefundMethod.Points, "40.00", "EUR", "12.34", RefundStatus.Succeeded, "27.66", false)]
    [InlineData(RefundMethod.OriginalPayment, "4500", "JPY", "1500", RefundStatus.Succeeded, "3000", false)]
    [InlineData(RefundMethod.OriginalPayment, "4500", "JPY", "4500", RefundStatus.Succeeded, "0", true)]
    [InlineData(RefundMethod.StoreCredit, "4500", "JPY", "1", RefundStatus.Pending, "4499", false)]
    [InlineData(RefundMethod.OriginalPayment, "12.345", "KWD", "0.005", RefundStatus.Succeeded, "12.340", false)]
    [InlineData(RefundMethod.BankTransfer, "12.345", "KWD", "12.345", RefundStatus.Succeeded, "0", true)]
    [InlineData(RefundMethod.BankTransfer, "12.345", "KWD", "12.345", RefundStatus.Reversed, "12.345", false)]
    public void OneRefundLeavesTheDecidedAmountLessWhatSucceededOrIsOnItsWay(
        RefundMethod method, string decided, string currency, string refunded, RefundStatus state, string left, bool settled)
    {
        var decision = Decision(decided);
        var refunds = new[] { RefundIn(method, Amount(refunded), currency, state) };

        RefundBalance.Remaining(decision, refunds, currency).ShouldBe(new Money(Amount(left), currency));
        RefundBalance.SettledInFull(decision, refunds, currency).ShouldBe(settled);
    }

    [Theory]
    [InlineData("EUR", "40.00")]
    [InlineData("JPY", "4500")]
    [InlineData("KWD", "12.345")]
    public void WithoutADecisionNothingIsLeftToRefundAndNothingIsSettled(string currency, string refunded)
    {
        var refunds = new[] { RefundIn(RefundMethod.StoreCredit, Amount(refunded), currency, RefundStatus.Succeeded) };

        RefundBalance.Remaining(null, refunds, currency).ShouldBe(new Money(0m, currency));
        RefundBalance.SettledInFull(null, refunds, currency).ShouldBeFalse();
    }

    [Theory]
    [InlineData("EUR", "40.00", "25.00", "15.00")]
    [InlineData("JPY", "4500", "4000", "500")]
    [InlineData("KWD", "12.345", "12.000", "0.345")]
    public void RefundsSplitAcrossMethodsAddUpAndAFailedOneLeavesItsShareOpen(string currency, string decided, string first, string second)
    {
        var decision = Decision(decided);
        var succeeded = RefundIn(RefundMethod.OriginalPayment, Amount(first), currency, RefundStatus.Succeeded);
        var failed = RefundIn(RefundMethod.BankTransfer, Amount(second), currency, RefundStatus.Failed);
        var retried = RefundIn(RefundMethod.StoreCredit, Amount(second), currency, RefundStatus.Succeeded);

        RefundBalance.Remaining(decision, [succeeded, failed], currency).ShouldBe(new Money(Amount(second), currency));
        RefundBalance.SettledInFull(decision, [succeeded, failed], currency).ShouldBeFalse();
        RefundBalance.Remaining(decision, [succeeded, failed, retried], currency).Amount.ShouldBe(0m);
        RefundBalance.SettledInFull(decision, [succeeded, failed, retried], currency).ShouldBeTrue();
    }

    [Fact]
    public void ADecisionToRefundNothingIsSettledWithoutAnyRefund()
    {
        RefundBalance.Remaining(Decision("0"), [], "EUR").ShouldBe(new Money(0m, "EUR"));
        RefundBalance.SettledInFull(Decision("0"), [], "EUR").ShouldBeTrue();
    }

    private static decimal Amount(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static CancellationDecision Decision(string amount) =>
        new(DecisionReason.CustomerRequest, null, RefundMethod.OriginalPayment, Amount(amount), null, RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);

    private static Refund RefundIn(RefundMethod method, decimal amount, string currency, RefundStatus state)
    {
        var refund = Refund.Create(Guid.NewGuid(), Guid.NewGuid(), method, new Money(amount, currency), "Staff", Now);
        var moved = state switch
        {
            RefundStatus.Pending => Result.Ok(),
            RefundStatus.Succeeded => refund.Succeed("ref", Now),
            RefundStatus.Failed => refund.Fail("declined", Now),
            RefundStatus.Canceled => refund.Cancel(Now),
            RefundStatus.Reversed => Reversed(refund),
            _ => throw new ArgumentOutOfRangeException(nameof(state)),
        };
        moved.IsSuccess.ShouldBeTrue();
        refund.Status.ShouldBe(state);
        return refund;
    }

    private static Result Reversed(Refund refund)
    {
        refund.Succeed("ref", Now);
        return refund.Reverse("card closed", Now);
    }
}
