using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>A staff member turns a request down, with a reason the shopper is sent.</summary>
/// <param name="ExpectedVersion">The version the staff member saw; a newer one means somebody else acted first.</param>
public sealed record RejectCancellationRequest(Guid RequestId, long ExpectedVersion, string? Reason, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class RejectCancellationRequestValidator : AbstractValidator<RejectCancellationRequest>
{
    public RejectCancellationRequestValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to reject.");
        // The request itself holds the rule, so a rejection made any other way meets the same one.
        RuleFor(c => c.Reason).Custom((reason, context) =>
        {
            if (CancellationRequest.CheckRejectionReason(reason) is { } refused)
            {
                context.AddFailure(nameof(RejectCancellationRequest.Reason), refused.Message);
            }
        });
    }
}

public sealed class RejectCancellationRequestHandler(AppDbContext db, CancellationService cancellations)
    : ICommandHandler<RejectCancellationRequest, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RejectCancellationRequest command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return await cancellations.ChangeAsync(command.RequestId, command.ExpectedVersion, (request, now) =>
        {
            var rejected = request.Reject(command.Staff, command.Reason ?? "", now);
            if (rejected.IsSuccess && request.RequestedByKind == ActorKind.Shopper)
            {
                db.EnqueueEmail(EmailTemplates.Rejected(request.Order, request), request.Order.Number, now);
            }

            return rejected;
        }, cancellationToken);
    }
}
