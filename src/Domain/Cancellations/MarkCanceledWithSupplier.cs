using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>The drop-ship supplier confirmed it canceled the order, so the order can be canceled.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record MarkCanceledWithSupplier(Guid RequestId, long ExpectedVersion, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class MarkCanceledWithSupplierValidator : AbstractValidator<MarkCanceledWithSupplier>
{
    public MarkCanceledWithSupplierValidator() =>
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request whose order to update.");
}

public sealed class MarkCanceledWithSupplierHandler(CancellationService cancellations) : ICommandHandler<MarkCanceledWithSupplier, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(MarkCanceledWithSupplier command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId, command.ExpectedVersion, (request, now) => request.MarkCanceledWithSupplier(command.Staff, now), cancellationToken);
    }
}
