using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>Staff received a bank transfer from the shopper towards an undo; a part leaves the rest due.</summary>
public sealed record RecordRepayment(Guid RequestId, long ExpectedVersion, decimal Amount, string? Reference, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class RecordRepaymentValidator : AbstractValidator<RecordRepayment>
{
    public RecordRepaymentValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request.");
        RuleFor(c => c.Amount).GreaterThan(0m).WithMessage("The amount received must be more than zero.");
        RuleFor(c => c.Reference).NotEmpty().WithMessage("Enter the reference of the incoming payment.")
            .MaximumLength(Repayment.MaxReferenceLength).WithMessage($"The reference can be at most {Repayment.MaxReferenceLength} characters.");
    }
}

public sealed class RecordRepaymentHandler(CancellationService cancellations) : ICommandHandler<RecordRepayment, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RecordRepayment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId,
            command.ExpectedVersion,
            (request, now) => request.RecordRepayment(command.Amount, command.Reference, command.Staff, now),
            cancellationToken);
    }
}
