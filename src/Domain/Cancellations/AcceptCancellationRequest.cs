using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>A staff member accepts a request and takes it on.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record AcceptCancellationRequest(Guid RequestId, long ExpectedVersion, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class AcceptCancellationRequestValidator : AbstractValidator<AcceptCancellationRequest>
{
    public AcceptCancellationRequestValidator() =>
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to accept.");
}

public sealed class AcceptCancellationRequestHandler(AppDbContext db, CancellationService cancellations)
    : ICommandHandler<AcceptCancellationRequest, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(AcceptCancellationRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(command.RequestId, command.ExpectedVersion, (request, now) =>
        {
            var accepted = request.Accept(command.Staff, now);
            if (accepted.IsSuccess && request.RequestedByKind == ActorKind.Shopper)
            {
                db.EnqueueEmail(EmailTemplates.Accepted(request.Order, request), request.Order.Number, now);
            }

            return accepted;
        }, cancellationToken);
    }
}
