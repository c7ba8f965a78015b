using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>Staff stop an undo still waiting for the shopper's repayment: the order stays canceled.</summary>
public sealed record CancelUndo(Guid RequestId, long ExpectedVersion, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class CancelUndoValidator : AbstractValidator<CancelUndo>
{
    public CancelUndoValidator() =>
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request.");
}

public sealed class CancelUndoHandler(CancellationService cancellations) : ICommandHandler<CancelUndo, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(CancelUndo command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId, command.ExpectedVersion, (request, now) => request.CancelUndo(command.Staff, now), cancellationToken);
    }
}
