using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>A shopper takes back their request before the store has accepted it; the order goes ahead.</summary>
public sealed record WithdrawCancellationRequest(Guid RequestId, Actor Shopper) : ICommand<Result<CancellationRequest>>;

public sealed class WithdrawCancellationRequestValidator : AbstractValidator<WithdrawCancellationRequest>
{
    public WithdrawCancellationRequestValidator() =>
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to withdraw.");
}

public sealed class WithdrawCancellationRequestHandler(AppDbContext db, CancellationService cancellations, TimeProvider clock)
    : ICommandHandler<WithdrawCancellationRequest, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(WithdrawCancellationRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = await cancellations.LoadAsync(command.RequestId, cancellationToken);
        if (request is null || request.Order.CustomerId != command.Shopper.Id)
        {
            return Error.NotFound("No such cancellation request.");
        }

        var now = clock.GetUtcNow();
        var withdrawn = request.Withdraw(command.Shopper, now);
        if (!withdrawn.IsSuccess)
        {
            return withdrawn.Error!;
        }

        db.EnqueueEmail(EmailTemplates.Withdrawn(request.Order, request), request.Order.Number, now);
        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }
}
