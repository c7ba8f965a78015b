using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Tests.Support;

namespace CancellationPortal.Domain.Tests.Cancellations;

public sealed class SubmittingARequestChecksThePolicyAndTheInput
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");

    /// <summary>Which policy answers still take a request (the store may have to stop a shipment first).</summary>
    private static readonly Dictionary<PolicyAnswer, bool> TakesRequest = new()
    {
        [PolicyAnswer.Allowed] = true,
        [PolicyAnswer.MustRevertFulfillment] = true,
        [PolicyAnswer.MustCancelWithSupplier] = true,
        [PolicyAnswer.MustReturn] = false,
        [PolicyAnswer.AlreadyCanceled] = false,
        [PolicyAnswer.AlreadyRequested] = false,
    };

    public static TheoryData<PolicyAnswer> EveryAnswer() => new(Enum.GetValues<PolicyAnswer>());

    [Theory]
    [MemberData(nameof(EveryAnswer))]
    public void AnAnswerThatTakesNoRequestIsRefusedInThePolicysWords(PolicyAnswer answer)
    {
        var result = CancellationRequest.Submit(TestOrders.Paid(), answer, Shopper, "portal", ShopperReason.ChangedMind, null, Now);

        answer.TakesRequest().ShouldBe(TakesRequest[answer]);
        if (TakesRequest[answer])
        {
            result.IsSuccess.ShouldBeTrue();
            result.Value!.Status.ShouldBe(CancellationStatus.Requested);
        }
        else
        {
            result.Error!.Kind.ShouldBe(ErrorKind.NotAllowed);
            result.Error.Message.ShouldBe(answer.Describe());
        }
    }

    [Fact]
    public void ASubmittedRequestRecordsWhoAskedAndWritesTheFirstAuditEntry()
    {
        var order = TestOrders.Paid();

        var request = CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.FoundBetterPrice, "  Cheaper elsewhere.  ", Now).Value!;

        request.OrderId.ShouldBe(order.Id);
        request.RequestedById.ShouldBe(Shopper.Id);
        request.RequestedByName.ShouldBe(Shopper.Name);
        request.RequestedAt.ShouldBe(Now);
        request.Comment.ShouldBe("Cheaper elsewhere.");
        request.LastChangedByName.ShouldBe(Shopper.Name);
        request.LastChangedAt.ShouldBe(Now);
        var entry = request.AuditEntries.ShouldHaveSingleItem();
        entry.FromStatus.ShouldBeNull();
        entry.ToStatus.ShouldBe(CancellationStatus.Requested);
        entry.ActorName.ShouldBe(Shopper.Name);
        entry.At.ShouldBe(Now);
        entry.Note.ShouldBe("Cheaper elsewhere.");
    }

    [Fact]
    public void AShopperMustGiveAReason()
    {
        var result = CancellationRequest.Submit(TestOrders.Paid(), PolicyAnswer.Allowed, Shopper, "portal", null, "no reason given", Now);

        result.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        result.Error.Message.ShouldContain("reason");
    }

    [Fact]
    public void StaffMayOpenARequestWithoutAShopperReason()
    {
        var staff = Actor.Staff("staff-1", "Sue Support");

        var result = CancellationRequest.Submit(TestOrders.Paid(), PolicyAnswer.Allowed, staff, "backoffice", null, null, Now);

        result.IsSuccess.ShouldBeTrue();
        result.Value!.RequestedByKind.ShouldBe(ActorKind.Staff);
    }

    [Fact]
    public void ACommentOverOneThousandCharactersIsRejected()
    {
        var result = CancellationRequest.Submit(TestOrders.Paid(), PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.Other, new string('x', 1001), Now);

        result.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        result.Error.Message.ShouldContain("1000");
    }

    [Fact]
    public void ACommentOfExactlyOneThousandCharactersIsAccepted()
    {
        var result = CancellationRequest.Submit(TestOrders.Paid(), PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.Other, new string('x', 1000), Now);

        result.IsSuccess.ShouldBeTrue();
        result.Value!.Comment!.Length.ShouldBe(1000);
    }
}
