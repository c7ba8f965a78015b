using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Refunds;

/// <summary>Staff made a pending bank transfer: its reference settles the refund.</summary>
public sealed record RecordBankTransfer(Guid RequestId, long ExpectedVersion, Guid RefundId, string? Reference, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class RecordBankTransferValidator : AbstractValidator<RecordBankTransfer>
{
    public RecordBankTransferValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request.");
        RuleFor(c => c.RefundId).NotEmpty().WithMessage("There is no pending bank transfer with that id on this request.");
        RuleFor(c => c.Reference).Custom((reference, context) =>
        {
            if (CancellationRequest.CheckTransferReference(reference) is { } refused)
            {
                context.AddFailure(nameof(RecordBankTransfer.Reference), refused.Message);
            }
        });
    }
}

public sealed class RecordBankTransferHandler(CancellationService cancellations) : ICommandHandler<RecordBankTransfer, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RecordBankTransfer command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(
            command.RequestId,
            command.ExpectedVersion,
            (request, now) => request.RecordBankTransfer(command.RefundId, command.Reference, command.Staff, now),
            cancellationToken);
    }
}
