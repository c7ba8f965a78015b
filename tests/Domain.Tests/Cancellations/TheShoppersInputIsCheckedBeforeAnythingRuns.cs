using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Cancellations;

/// <summary>What the shopper types into the request and withdraw forms, checked field by field before any use case runs.</summary>
public sealed class TheShoppersInputIsCheckedBeforeAnythingRuns
{
    private static readonly Actor Shopper = Actor.Shopper("customer-1", "Sam Shopper");

    /// <summary>Reason, comment length, and the field and message each wrong input gets (none when it is taken).</summary>
    public static TheoryData<string?, int, string?, string?> RequestInputs => new()
    {
        { nameof(ShopperReason.ChangedMind), 0, null, null },
        { nameof(ShopperReason.Other), CancellationRequest.MaxCommentLength, null, null },
        { null, 0, "Reason", "Choose a reason for the cancellation." },
        { "", 0, "Reason", "Choose a reason for the cancellation." },
        { "   ", 0, "Reason", "Choose a reason for the cancellation." },
        { "Bogus", 0, "Reason", "Choose one of the listed reasons." },
        { "3", 0, "Reason", "Choose one of the listed reasons." },
        { "changedmind", 0, "Reason", "Choose one of the listed reasons." },
        { nameof(ShopperReason.Other), CancellationRequest.MaxCommentLength + 1, "Comment", "The comment can be at most 1,000 characters (it has 1,001)." },
    };

    [Theory]
    [MemberData(nameof(RequestInputs))]
    public async Task ARequestsReasonMustBeOneOfTheListAndItsCommentFitTheLimit(string? reason, int commentLength, string? field, string? message)
    {
        var command = new RequestCancellation(Guid.NewGuid(), reason, new string('x', commentLength), Shopper);

        var refused = await new[] { new RequestCancellationValidator() }.CheckAsync(command, CancellationToken.None);

        if (field is null)
        {
            refused.ShouldBeNull();
        }
        else
        {
            refused.ShouldNotBeNull();
            refused.ToStatusCode().ShouldBe(Refusal.FormErrors);
            var error = refused.FieldErrors.ShouldHaveSingleItem();
            error.Field.ShouldBe(field);
            error.Message.ShouldBe(message);
        }
    }

    [Fact]
    public async Task AReasonAndACommentThatAreBothWrongAreBothShown()
    {
        var command = new RequestCancellation(Guid.NewGuid(), null, new string('x', CancellationRequest.MaxCommentLength + 1), Shopper);

        var refused = await new[] { new RequestCancellationValidator() }.CheckAsync(command, CancellationToken.None);

        refused!.FieldErrors.Select(e => e.Field).ShouldBe(["Reason", "Comment"]);
        refused.Message.ShouldBe(Refusal.FormErrorsMessage);
    }

    [Fact]
    public async Task AWithdrawalMustNameARequest()
    {
        var validator = new[] { new WithdrawCancellationRequestValidator() };

        (await validator.CheckAsync(new WithdrawCancellationRequest(Guid.NewGuid(), Shopper), CancellationToken.None)).ShouldBeNull();
        var refused = await validator.CheckAsync(new WithdrawCancellationRequest(Guid.Empty, Shopper), CancellationToken.None);
        refused!.FieldErrors.ShouldHaveSingleItem().Field.ShouldBe("RequestId");
    }
}
