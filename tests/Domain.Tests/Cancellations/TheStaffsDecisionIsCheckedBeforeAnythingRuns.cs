using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>What a staff member sends to accept or reject a request, checked field by field before any use case runs.</summary>
public sealed class TheStaffsDecisionIsCheckedBeforeAnythingRuns
{
    private static readonly Actor Staff = Actor.Staff("staff-1", "Sue Support");

    /// <summary>The rejection reason, and the message it gets beside its field (none when it is taken).</summary>
    public static TheoryData<string?, string?> RejectionReasons => new()
    {
        { "Already handed to the courier.", null },
        { new string('x', CancellationRequest.MaxRejectionReasonLength), null },
        { $"  {new string('x', CancellationRequest.MaxRejectionReasonLength)}  ", null },
        { null, "Give the shopper a reason for the rejection." },
        { "", "Give the shopper a reason for the rejection." },
        { "   ", "Give the shopper a reason for the rejection." },
        { new string('x', CancellationRequest.MaxRejectionReasonLength + 1), "The reason for the rejection can be at most 1000 characters." },
    };

    [Theory]
    [MemberData(nameof(RejectionReasons))]
    public async Task ARejectionNeedsAReasonTheShopperCanBeSentWithinTheLimit(string? reason, string? message)
    {
        var refused = await new[] { new RejectCancellationRequestValidator() }
            .CheckAsync(new RejectCancellationRequest(Guid.NewGuid(), 0, reason, Staff), CancellationToken.None);

        if (message is null)
        {
            refused.ShouldBeNull();
        }
        else
        {
            refused.ShouldNotBeNull();
            var error = refused.FieldErrors.ShouldHaveSingleItem();
            error.Field.ShouldBe(nameof(RejectCancellationRequest.Reason));
            error.Message.ShouldBe(message);
        }
    }

    [Fact]
    public async Task AnAcceptanceOrARejectionMustNameARequest()
    {
        var accept = await new[] { new AcceptCancellationRequestValidator() }
            .CheckAsync(new AcceptCancellationRequest(Guid.Empty, 0, Staff), CancellationToken.None);
        var reject = await new[] { new RejectCancellationRequestValidator() }
            .CheckAsync(new RejectCancellationRequest(Guid.Empty, 0, "Already packed.", Staff), CancellationToken.None);

        accept!.FieldErrors.ShouldHaveSingleItem().Field.ShouldBe(nameof(AcceptCancellationRequest.RequestId));
        reject!.FieldErrors.ShouldHaveSingleItem().Field.ShouldBe(nameof(RejectCancellationRequest.RequestId));
        (await new[] { new AcceptCancellationRequestValidator() }.CheckAsync(new AcceptCancellationRequest(Guid.NewGuid(), 0, Staff), CancellationToken.None)).ShouldBeNull();
    }
}
