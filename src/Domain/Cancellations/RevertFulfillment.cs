using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>The store stops its own shipment of the order, so the order can be canceled.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record RevertFulfillment(Guid RequestId, long ExpectedVersion, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class RevertFulfillmentValidator : AbstractValidator<RevertFulfillment>
{
    public RevertFulfillmentValidator() =>
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request whose order to stop.");
}

public sealed class RevertFulfillmentHandler(CancellationService cancellations) : ICommandHandler<RevertFulfillment, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RevertFulfillment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId, command.ExpectedVersion, (request, now) => request.RevertFulfillment(command.Staff, now), cancellationToken);
    }
}
