using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Inventory;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Integrations;

/// <summary>The shop platform sets how many of a SKU are on the shelf (a new SKU needs its name).</summary>
public sealed record SetStockLevel(int? OnHand, string? Name) : ICommand<Result<bool>>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Sku { get; init; } = "";
}

public sealed class SetStockLevelValidator : AbstractValidator<SetStockLevel>
{
    public SetStockLevelValidator()
    {
        RuleFor(s => s.Sku).NotEmpty().MaximumLength(100).WithMessage("The SKU must be 1 to 100 characters.");
        RuleFor(s => s.OnHand).NotNull().WithMessage("Give the number on hand.")
            .InclusiveBetween(0, 10_000_000).WithMessage("The number on hand must be a whole number from 0 to 10,000,000.");
        RuleFor(s => s.Name).MaximumLength(256);
    }
}

/// <returns>True when the SKU was new.</returns>
public sealed class SetStockLevelHandler(AppDbContext db) : ICommandHandler<SetStockLevel, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SetStockLevel command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var item = await db.StockItems.SingleOrDefaultAsync(s => s.Sku == command.Sku, cancellationToken);
        if (item is null && string.IsNullOrWhiteSpace(command.Name))
        {
            return Error.Form([Error.Invalid("This SKU is new here: give its product name.", nameof(SetStockLevel.Name))]);
        }

        if (item is null)
        {
            db.StockItems.Add(new StockItem(command.Sku, command.Name!.Trim(), command.OnHand!.Value));
        }
        else
        {
            item.Count(command.OnHand!.Value);
        }

        await db.SaveChangesAsync(cancellationToken);
        return item is null;
    }
}
