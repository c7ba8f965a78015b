using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Refunds;

/// <summary>Staff issue (part of) what is left to refund on a decided request: a refund chosen "later", or a retry after a failure.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record IssueRefund(Guid RequestId, long ExpectedVersion, RefundMethod Method, decimal Amount, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class IssueRefundValidator : AbstractValidator<IssueRefund>
{
    public IssueRefundValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to refund.");
        RuleFor(c => c.Method).IsInEnum().WithMessage("Choose a refund method from the list.");
    }
}

public sealed class IssueRefundHandler(CardRefundCall cards) : ICommandHandler<IssueRefund, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(IssueRefund command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cards.ChangeAsync(
            command.RequestId,
            command.ExpectedVersion,
            command.Staff,
            (request, rules, now) => request.IssueRefund(command.Method, command.Amount, rules, command.Staff, now),
            cancellationToken);
    }
}
