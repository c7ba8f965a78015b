using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>"I changed my mind — keep my order": a shopper asks, within the store's window, to undo a cancellation.</summary>
public sealed record AskToKeepOrder(string OrderNumber, Actor Shopper) : ICommand<Result<CancellationRequest>>;

public sealed class AskToKeepOrderValidator : AbstractValidator<AskToKeepOrder>
{
    public AskToKeepOrderValidator() =>
        RuleFor(c => c.OrderNumber).NotEmpty().WithMessage("Choose the order to keep.");
}

public sealed class AskToKeepOrderHandler(AppDbContext db, CancellationService cancellations, TimeProvider clock)
    : ICommandHandler<AskToKeepOrder, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(AskToKeepOrder command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var requestId = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.Order.Number == command.OrderNumber && r.Order.CustomerId == command.Shopper.Id)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (requestId is null || await cancellations.LoadAsync(requestId.Value, cancellationToken) is not { } request)
        {
            return Error.NotFound("No such order.");
        }

        var window = await db.StoreSettings.AsNoTracking().Select(s => s.ShopperUndoWindowDays).SingleAsync(cancellationToken);
        var asked = request.AskToKeep(command.Shopper, window, clock.GetUtcNow());
        if (!asked.IsSuccess)
        {
            return asked.Error!;
        }

        var saved = await cancellations.SaveAsync(request, cancellationToken);
        return saved.IsSuccess ? request : saved.Error!;
    }
}
