using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Refunds;

/// <summary>
/// The bank transfer will not be made (wrong account, the shopper prefers another method): staff withdraw it and
/// refund the amount another way.
/// </summary>
public sealed record CancelBankTransfer(Guid RequestId, long ExpectedVersion, Guid RefundId, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class CancelBankTransferValidator : AbstractValidator<CancelBankTransfer>
{
    public CancelBankTransferValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request.");
        RuleFor(c => c.RefundId).NotEmpty().WithMessage("There is no pending bank transfer with that id on this request.");
    }
}

public sealed class CancelBankTransferHandler(CancellationService cancellations) : ICommandHandler<CancelBankTransfer, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(CancelBankTransfer command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId,
            command.ExpectedVersion,
            (request, now) => request.CancelBankTransfer(command.RefundId, command.Staff, now),
            cancellationToken);
    }
}
