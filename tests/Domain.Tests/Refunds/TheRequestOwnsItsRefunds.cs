using System.Globalization;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Refunds;

/// <summary>
/// The money rules live on the request: <see cref="CancellationRequest.IssueRefund"/> is the one amount check,
/// <see cref="CancellationRequest.SettleRefund"/> applies every outcome, and the request cancels itself when the last
/// refund settles — in zero-, two- and three-decimal currencies.
/// </summary>
public sealed class TheRequestOwnsItsRefunds
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Shopper customer-1");

    [Theory]
    // method, paid by, currency, decided, amount to issue → refund status (or refusal), request status after, left after
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "40.00", "Succeeded", CancellationStatus.Canceled, "0")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "15.50", "Succeeded", CancellationStatus.InProgress, "24.50")]
    [InlineData(RefundMethod.Points, PaymentMethod.BankDeposit, "EUR", "40.00", "40.00", "Succeeded", CancellationStatus.Canceled, "0")]
    [InlineData(RefundMethod.OriginalPayment, PaymentMethod.Card, "EUR", "40.00", "40.00", "Pending", CancellationStatus.InProgress, "0")]
    [InlineData(RefundMethod.BankTransfer, PaymentMethod.BankDeposit, "EUR", "40.00", "12.34", "Pending", CancellationStatus.InProgress, "27.66")]
    [InlineData(RefundMethod.OriginalPayment, PaymentMethod.Card, "JPY", "4500", "1500", "Pending", CancellationStatus.InProgress, "3000")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "JPY", "4500", "4500", "Succeeded", CancellationStatus.Canceled, "0")]
    [InlineData(RefundMethod.BankTransfer, PaymentMethod.BankDeposit, "KWD", "12.345", "0.005", "Pending", CancellationStatus.InProgress, "12.340")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.BankDeposit, "KWD", "12.345", "12.345", "Succeeded", CancellationStatus.Canceled, "0")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "0", "Invalid: must be more than zero", CancellationStatus.InProgress, "40.00")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "-5", "Invalid: must be more than zero", CancellationStatus.InProgress, "40.00")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "40.01", "Invalid: more than what is left to refund (EUR 40.00)", CancellationStatus.InProgress, "40.00")]
    [InlineData(RefundMethod.StoreCredit, PaymentMethod.Card, "EUR", "40.00", "10.005", "Invalid: EUR amounts cannot have that many decimals", CancellationStatus.InProgress, "40.00")]
    [InlineData(RefundMethod.OriginalPayment, PaymentMethod.Card, "JPY", "4500", "1500.5", "Invalid: JPY amounts cannot have that many decimals", CancellationStatus.InProgress, "4500")]
    [InlineData(RefundMethod.BankTransfer, PaymentMethod.BankDeposit, "KWD", "12.345", "0.0005", "Invalid: KWD amounts cannot have that many decimals", CancellationStatus.InProgress, "12.345")]
    [InlineData(RefundMethod.Points, PaymentMethod.Card, "JPY", "4500", "4500", "NotAllowed: Points are valued in EUR", CancellationStatus.InProgress, "4500")]
    [InlineData(RefundMethod.OriginalPayment, PaymentMethod.BankDeposit, "EUR", "40.00", "40.00", "NotAllowed: not paid by card", CancellationStatus.InProgress, "40.00")]
    [InlineData((RefundMethod)42, PaymentMethod.Card, "EUR", "40.00", "40.00", "Invalid: Choose a refund method from the list", CancellationStatus.InProgress, "40.00")]
    public void EveryRefundIsCheckedAgainstWhatIsLeftTheCurrencyAndTheMethod(
        RefundMethod method, PaymentMethod paidBy, string currency, string decided, string amount, string expected, CancellationStatus after, string left)
    {
        var request = Decided(paidBy, currency, Amount(decided));
        var version = request.Version;

        var issued = request.IssueRefund(method, Amount(amount), TestRefundRules.All, Staff, Now);

        if (expected.Split(": ", 2) is [var kind, var message])
        {
            issued.Error.ShouldNotBeNull().Kind.ShouldBe(Enum.Parse<ErrorKind>(kind));
            issued.Error.Message.ShouldContain(message);
            request.Refunds.ShouldBeEmpty();
            request.Version.ShouldBe(version, "a refused refund changes nothing");
        }
        else
        {
            issued.Value.ShouldNotBeNull().Status.ShouldBe(Enum.Parse<RefundStatus>(expected));
            request.Refunds.ShouldHaveSingleItem().ShouldBeSameAs(issued.Value);
            request.Version.ShouldBeGreaterThan(version);
        }

        request.Status.ShouldBe(after);
        request.Remaining.ShouldBe(new Money(Amount(left), currency));
    }

    [Fact]
    public void NoRefundIsIssuedBeforeADecisionOrOnADisputedPayment()
    {
        var undecided = Accepted(TestOrders.Paid());
        undecided.IssueRefund(RefundMethod.StoreCredit, 40m, TestRefundRules.All, Staff, Now).Error!.Kind.ShouldBe(ErrorKind.NotAllowed);

        var disputed = Decided(PaymentMethod.Card, "EUR", 40m);
        disputed.Order.SetDisputed(true);
        disputed.IssueRefund(RefundMethod.StoreCredit, 40m, TestRefundRules.All, Staff, Now).Error!.Message.ShouldContain("disputed");
    }

    [Fact]
    public void ASecondRefundCannotTakeMoneyAPendingOneIsAlreadyTaking()
    {
        var request = Decided(PaymentMethod.Card, "EUR", 40m);
        request.IssueRefund(RefundMethod.OriginalPayment, 30m, TestRefundRules.All, Staff, Now).IsSuccess.ShouldBeTrue();

        var second = request.IssueRefund(RefundMethod.StoreCredit, 10.01m, TestRefundRules.All, Staff, Now);

        second.Error!.Message.ShouldContain("more than what is left to refund (EUR 10.00)");
        request.IssueRefund(RefundMethod.StoreCredit, 10m, TestRefundRules.All, Staff, Now).IsSuccess.ShouldBeTrue();
        request.Status.ShouldBe(CancellationStatus.InProgress, "the card refund is still on its way");
    }

    [Fact]
    public void PointsAreBoughtBackAtTheStoresRate()
    {
        var request = Decided(PaymentMethod.BankDeposit, "EUR", 12.34m);

        var refund = request.IssueRefund(RefundMethod.Points, 12.34m, TestRefundRules.All, Staff, Now).Value!;

        refund.ProviderReference.ShouldBe("points:1234");
        request.DomainEvents.OfType<RefundPaidToLedger>().ShouldHaveSingleItem().Points.ShouldBe(1234);
    }

    public enum Outcome
    {
        Succeeded,
        SucceededAsAnotherAmount,
        SucceededInLowerCaseCurrency,
        Failed,
        PendingWithItsId,
    }

    [Theory]
    // currency, amount asked, outcome → refund status, request status, version moved, the event staff hear about
    [InlineData("EUR", "40.00", Outcome.Succeeded, RefundStatus.Succeeded, CancellationStatus.Canceled, true, null)]
    [InlineData("EUR", "40.00", Outcome.SucceededInLowerCaseCurrency, RefundStatus.Succeeded, CancellationStatus.Canceled, true, null)]
    [InlineData("EUR", "40.00", Outcome.SucceededAsAnotherAmount, RefundStatus.Pending, CancellationStatus.InProgress, true, CardRefundProblem.AmountDiffers)]
    [InlineData("EUR", "40.00", Outcome.Failed, RefundStatus.Failed, CancellationStatus.InProgress, true, CardRefundProblem.Failed)]
    [InlineData("EUR", "40.00", Outcome.PendingWithItsId, RefundStatus.Pending, CancellationStatus.InProgress, false, null)]
    [InlineData("JPY", "4500", Outcome.Succeeded, RefundStatus.Succeeded, CancellationStatus.Canceled, true, null)]
    [InlineData("JPY", "4500", Outcome.SucceededAsAnotherAmount, RefundStatus.Pending, CancellationStatus.InProgress, true, CardRefundProblem.AmountDiffers)]
    [InlineData("KWD", "12.345", Outcome.Succeeded, RefundStatus.Succeeded, CancellationStatus.Canceled, true, null)]
    [InlineData("KWD", "12.345", Outcome.Failed, RefundStatus.Failed, CancellationStatus.InProgress, true, CardRefundProblem.Failed)]
    public void ACardRefundsOutcomeSettlesItAndTheLastOneCancelsTheOrder(
        string currency, string asked, Outcome outcome, RefundStatus refundAfter, CancellationStatus requestAfter, bool versionMoves, CardRefundProblem? problem)
    {
        var amount = Amount(asked);
        var request = Decided(PaymentMethod.Card, currency, amount);
        var refund = request.IssueRefund(RefundMethod.OriginalPayment, amount, TestRefundRules.All, Staff, Now).Value!;
        request.ClearDomainEvents();
        var version = request.Version;

        var changed = request.SettleRefund(refund.Id, OutcomeOf(outcome, amount, currency), Actor.System, Now.AddMinutes(1));

        changed.ShouldBeTrue();
        refund.Status.ShouldBe(refundAfter);
        request.Status.ShouldBe(requestAfter);
        (request.Version > version).ShouldBe(versionMoves);
        request.Order.IsCanceled.ShouldBe(requestAfter == CancellationStatus.Canceled);
        request.DomainEvents.OfType<CancellationCompleted>().Count().ShouldBe(requestAfter == CancellationStatus.Canceled ? 1 : 0);
        request.DomainEvents.OfType<CardRefundNeedsStaff>().Select(e => (CardRefundProblem?)e.Problem).SingleOrDefault().ShouldBe(problem);
        request.HasFailedRefund.ShouldBe(outcome == Outcome.Failed);
    }

    [Fact]
    public void TheFirstSettlementStandsExceptASuccessTheProviderLaterFails()
    {
        var request = Decided(PaymentMethod.Card, "EUR", 40m);
        var refund = request.IssueRefund(RefundMethod.OriginalPayment, 40m, TestRefundRules.All, Staff, Now).Value!;
        request.SettleRefund(refund.Id, GatewayRefundResult.Success("re_1"), Actor.System, Now).ShouldBeTrue();

        request.SettleRefund(refund.Id, GatewayRefundResult.Success("re_1"), Actor.System, Now).ShouldBeFalse("a replayed event changes nothing");
        request.SettleRefund(refund.Id, GatewayRefundResult.Failure("The card was closed."), Actor.System, Now).ShouldBeTrue();

        refund.Status.ShouldBe(RefundStatus.Reversed);
        request.Status.ShouldBe(CancellationStatus.Canceled, "the order stays canceled; staff repay the shopper another way");
        request.HasReversedRefund.ShouldBeTrue();
        request.DomainEvents.OfType<CardRefundNeedsStaff>().Single().Problem.ShouldBe(CardRefundProblem.Reversed);
        request.SettleRefund(refund.Id, GatewayRefundResult.Success("re_1"), Actor.System, Now).ShouldBeFalse("a reversed refund never succeeds again");
    }

    [Fact]
    public void AFailedRefundIsNotSettledByALateSuccess()
    {
        var request = Decided(PaymentMethod.Card, "EUR", 40m);
        var refund = request.IssueRefund(RefundMethod.OriginalPayment, 40m, TestRefundRules.All, Staff, Now).Value!;
        request.SettleRefund(refund.Id, GatewayRefundResult.Failure("Declined"), Actor.System, Now).ShouldBeTrue();

        request.SettleRefund(refund.Id, GatewayRefundResult.Success("re_1"), Actor.System, Now).ShouldBeFalse();

        refund.Status.ShouldBe(RefundStatus.Failed);
        request.Remaining.ShouldBe(new Money(40m, "EUR"), "a failed refund gives its amount back to refund another way");
    }

    [Fact]
    public void ABankTransferSettlesWithItsReferenceOrIsWithdrawnForAnotherMethod()
    {
        var request = Decided(PaymentMethod.BankDeposit, "EUR", 40m);
        var withdrawn = request.IssueRefund(RefundMethod.BankTransfer, 40m, TestRefundRules.All, Staff, Now).Value!;
        request.CancelBankTransfer(withdrawn.Id, Staff, Now).IsSuccess.ShouldBeTrue();
        request.HasFailedRefund.ShouldBeTrue();
        request.Remaining.Amount.ShouldBe(40m);

        var made = request.IssueRefund(RefundMethod.BankTransfer, 40m, TestRefundRules.All, Staff, Now).Value!;
        request.HasFailedRefund.ShouldBeFalse("a new attempt clears the flag");
        request.RecordBankTransfer(withdrawn.Id, "REF-1", Staff, Now).Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
        request.RecordBankTransfer(made.Id, " REF-2 ", Staff, Now).IsSuccess.ShouldBeTrue();

        made.ProviderReference.ShouldBe("REF-2");
        request.Status.ShouldBe(CancellationStatus.Canceled);
    }

    [Fact]
    public void ADecisionToRefundNothingCancelsAtOnceAndTellsTheShopperAfterTheCompletion()
    {
        var request = Accepted(TestOrders.Paid());
        var keepAll = new DecisionInput(DecisionReason.CustomerRequest, null, null, null, "Engraved to order", RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null, RefundNothing: true);

        request.Decide(keepAll, TestRefundRules.All, Staff, Now).Value.ShouldBeNull();

        request.Status.ShouldBe(CancellationStatus.Canceled);
        request.Kept.ShouldBe(new Money(40m, "EUR"));
        request.DomainEvents.Select(e => e.GetType()).ShouldBe([typeof(CancellationCompleted), typeof(ShopperToldOfCancellation)]);
    }

    private static GatewayRefundResult OutcomeOf(Outcome outcome, decimal amount, string currency) => outcome switch
    {
        Outcome.Succeeded => GatewayRefundResult.Success("re_1") with { Reported = new Money(amount, currency) },
        Outcome.SucceededInLowerCaseCurrency => GatewayRefundResult.Success("re_1") with { Reported = new Money(amount, currency.ToLowerInvariant()) },
        Outcome.SucceededAsAnotherAmount => GatewayRefundResult.Success("re_1") with { Reported = new Money(amount - Smallest(currency), currency) },
        Outcome.Failed => GatewayRefundResult.Failure("Declined"),
        _ => GatewayRefundResult.Pending("re_1"),
    };

    private static decimal Smallest(string currency) => 1m / (decimal)Math.Pow(10, Money.DecimalsOf(currency));

    /// <summary>An accepted request whose decision refunds <paramref name="decided"/> later, for the test to issue.</summary>
    private static CancellationRequest Decided(PaymentMethod paidBy, string currency, decimal decided)
    {
        var request = Accepted(TestOrders.Paid(paidBy, decided, currency));
        var input = new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, decided, null, RefundNow: false, Restock: true, NotifyShopper: true, StaffNote: null);
        request.Decide(input, TestRefundRules.All, Staff, Now).Error.ShouldBeNull();
        return request;
    }

    private static CancellationRequest Accepted(Order order)
    {
        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, null, Now).Value!;
        request.Accept(Staff, Now).IsSuccess.ShouldBeTrue();
        return request;
    }

    private static decimal Amount(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);
}
