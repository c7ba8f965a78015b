using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

/// <summary>A carrier reports where a parcel is.</summary>
/// <param name="Status">A <see cref="FulfillmentStatus"/> name, or Refused or Returned (the parcel goes back to the store).</param>
/// <param name="CourierText">The carrier's own words, kept as the order's last courier status.</param>
public sealed record RecordShipmentEvent(string? Status, DateTimeOffset? OccurredAt, string? CourierText) : ICommand<Result>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string TrackingNumber { get; init; } = "";

    public static readonly IReadOnlyList<string> BackToStore = ["Refused", "Returned"];

    public FulfillmentStatus ParsedStatus =>
        BackToStore.Contains(Status) ? FulfillmentStatus.ReturnedToSender : Enum.Parse<FulfillmentStatus>(Status!);
}

public sealed class RecordShipmentEventValidator : AbstractValidator<RecordShipmentEvent>
{
    public RecordShipmentEventValidator(TimeProvider clock)
    {
        RuleFor(e => e.Status).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Give the parcel's status.")
            .Must(s => RecordShipmentEvent.BackToStore.Contains(s) || PutOrderValidator.IsName<FulfillmentStatus>(s))
            .WithMessage($"The status must be one of: {PutOrderValidator.Names<FulfillmentStatus>()}, {string.Join(", ", RecordShipmentEvent.BackToStore)}.");
        RuleFor(e => e.OccurredAt).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the time the carrier reported it (ISO 8601 with offset).")
            .Must(t => t <= clock.GetUtcNow().AddMinutes(10)).WithMessage("The time is in the future.");
        RuleFor(e => e.CourierText).MaximumLength(256);
    }
}

public sealed class RecordShipmentEventHandler(AppDbContext db) : ICommandHandler<RecordShipmentEvent, Result>
{
    public async ValueTask<Result> Handle(RecordShipmentEvent command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var order = await db.Orders.SingleOrDefaultAsync(o => o.TrackingNumber == command.TrackingNumber, cancellationToken);
        if (order is null)
        {
            return Error.NotFound("No order has this tracking number.");
        }

        var text = string.IsNullOrWhiteSpace(command.CourierText) ? command.Status : command.CourierText.Trim();
        if (order.FulfillmentStatus != command.ParsedStatus || order.LastCourierStatus != text)
        {
            order.UpdateFulfillment(command.ParsedStatus, courierStatus: text);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result.Ok();
    }
}
