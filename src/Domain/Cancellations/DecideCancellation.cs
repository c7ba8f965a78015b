using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>Staff record their decision on an accepted request: why, what goes back and how, restock, tell the shopper.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record DecideCancellation(Guid RequestId, long ExpectedVersion, DecisionInput Input, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class DecideCancellationValidator : AbstractValidator<DecideCancellation>
{
    public DecideCancellationValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to decide.");
        RuleFor(c => c.Input).NotNull().WithMessage("Fill in the decision.");
    }
}

public sealed class DecideCancellationHandler(CardRefundCall cards) : ICommandHandler<DecideCancellation, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(DecideCancellation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cards.ChangeAsync(
            command.RequestId, command.ExpectedVersion, command.Staff, (request, rules, now) => request.Decide(command.Input, rules, command.Staff, now), cancellationToken);
    }
}
