using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

/// <summary>
/// A shopper asked the store by email or phone, and the shop platform records it. It is a request from the API,
/// never from the shopper: staff decide it, as any request that did not come through the portal.
/// </summary>
/// <param name="Reason">The name of one <see cref="ShopperReason"/>, if the shopper gave one.</param>
/// <param name="Channel">How the shopper asked: email, phone or other.</param>
public sealed record RequestCancellationByApi(string? Reason, string? Comment, string? Channel) : ICommand<Result<CancellationRequest>>
{
    public static readonly IReadOnlyList<string> Channels = ["email", "phone", "other"];

    [System.Text.Json.Serialization.JsonIgnore]
    public string ExternalId { get; init; } = "";

    [System.Text.Json.Serialization.JsonIgnore]
    public Actor Caller { get; init; } = Actor.System;
}

public sealed class RequestCancellationByApiValidator : AbstractValidator<RequestCancellationByApi>
{
    public RequestCancellationByApiValidator()
    {
        RuleFor(c => c.Reason).Must(PutOrderValidator.IsName<ShopperReason>).When(c => c.Reason is not null)
            .WithMessage($"The reason must be one of: {PutOrderValidator.Names<ShopperReason>()}.");
        RuleFor(c => c.Comment).MaximumLength(CancellationRequest.MaxCommentLength);
        RuleFor(c => c.Channel).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the channel the shopper asked through (email, phone or other).")
            .Must(c => RequestCancellationByApi.Channels.Contains(c)).WithMessage("The channel must be email, phone or other.");
    }
}

public sealed class RequestCancellationByApiHandler(AppDbContext db, CancellationService cancellations)
    : ICommandHandler<RequestCancellationByApi, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(RequestCancellationByApi command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var orderId = await db.Set<ExternalOrder>().Where(e => e.ExternalId == command.ExternalId).Select(e => (Guid?)e.OrderId).SingleOrDefaultAsync(cancellationToken);
        var order = orderId is null ? null : await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == orderId, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("No order has this id.");
        }

        var reason = command.Reason is null ? (ShopperReason?)null : Enum.Parse<ShopperReason>(command.Reason);
        return await cancellations.SubmitAsync(order, command.Caller, $"{command.Channel} via API", reason, command.Comment, cancellationToken);
    }
}
