using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Refunds;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>Staff undo a cancellation in progress or done: the shopper keeps the order after all.</summary>
/// <param name="Backorder">Undo even though the shelf no longer holds every item.</param>
public sealed record UndoCancellation(Guid RequestId, long ExpectedVersion, string? Reason, bool Backorder, Actor Staff) : ICommand<Result<CancellationRequest>>;

public sealed class UndoCancellationValidator : AbstractValidator<UndoCancellation>
{
    public UndoCancellationValidator()
    {
        RuleFor(c => c.RequestId).NotEmpty().WithMessage("Choose the cancellation request to undo.");
        RuleFor(c => c.Reason).Custom((reason, context) =>
        {
            if (CancellationRequest.CheckUndoReason(reason) is { } refused)
            {
                context.AddFailure(nameof(UndoCancellation.Reason), refused.Message);
            }
        });
    }
}

/// <summary>
/// Loads the request at the version staff saw, checks the undo as previewed, asks the provider to cancel any card
/// refund still pending, then lets the request undo itself with those answers and commits. A refund the provider
/// canceled while the commit then lost a race stays pending here until its webhook reports it canceled, which
/// flags it for staff like any refund that did not go through.
/// </summary>
public sealed class UndoCancellationHandler(CancellationService cancellations, UndoContextSource contexts, IPaymentGateway gateway, TimeProvider clock)
    : ICommandHandler<UndoCancellation, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(UndoCancellation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var loaded = await cancellations.LoadForChangeAsync(command.RequestId, command.ExpectedVersion, cancellationToken);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var request = loaded.Value!;
        var context = await contexts.LoadAsync(request, cancellationToken);
        var preview = request.PreviewUndo(context);
        if (!preview.IsSuccess)
        {
            return preview.Error!;
        }

        // Everything that can refuse is checked before the provider is asked to cancel anything.
        if ((preview.Value!.StockRefusal(command.Backorder) ?? CancellationRequest.CheckUndoReason(command.Reason)) is { } refused)
        {
            return refused;
        }

        var cancels = new Dictionary<Guid, GatewayRefundCancel>();
        foreach (var line in preview.Value.Lines.Where(l => l.Step == UndoStep.CancelAtProvider))
        {
            var refund = request.Refunds.Single(r => r.Id == line.RefundId);
            cancels[refund.Id] = await gateway.CancelRefundAsync(new GatewayRefundCancelRequest(refund.Id, refund.ProviderReference), cancellationToken);
        }

        var undone = request.Undo(command.Staff, command.Reason, command.Backorder, context with { CardCancels = cancels }, clock.GetUtcNow());
        if (!undone.IsSuccess)
        {
            return undone.Error!;
        }

        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }
}
