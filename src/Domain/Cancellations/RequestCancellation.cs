using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>A shopper asks to cancel one of their orders, with a reason from the list and an optional comment.</summary>
/// <param name="Reason">The reason as the form sent it: the name of one <see cref="ShopperReason"/>.</param>
public sealed record RequestCancellation(Guid OrderId, string? Reason, string? Comment, Actor Shopper) : ICommand<Result<CancellationRequest>>
{
    public ShopperReason ParsedReason => Enum.Parse<ShopperReason>(Reason!);
}

public sealed class RequestCancellationValidator : AbstractValidator<RequestCancellation>
{
    public RequestCancellationValidator()
    {
        // One message per field: a missing reason is not also "not one of the list".
        RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Choose a reason for the cancellation.")
            // Names only: a number would parse as an enum value that may not exist.
            .Must(r => Enum.GetNames<ShopperReason>().Contains(r, StringComparer.Ordinal)).WithMessage("Choose one of the listed reasons.");
        RuleFor(c => c.Comment)
            .MaximumLength(CancellationRequest.MaxCommentLength)
            .WithMessage(c => $"The comment can be at most {CancellationRequest.MaxCommentLength:N0} characters (it has {c.Comment!.Length:N0}).");
    }
}

public sealed class RequestCancellationHandler(AppDbContext db, CancellationService cancellations) : ICommandHandler<RequestCancellation, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RequestCancellation command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        // Another shopper's order is "not found", never "forbidden": nobody learns that it exists.
        var order = await db.Orders.Include(o => o.Lines)
            .SingleOrDefaultAsync(o => o.Id == command.OrderId && o.CustomerId == command.Shopper.Id, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("No such order.");
        }

        return await cancellations.SubmitAsync(order, command.Shopper, "portal", command.ParsedReason, command.Comment, cancellationToken);
    }
}
