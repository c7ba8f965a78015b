using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using CancellationPortal.Domain.Refunds.Stripe;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>
/// The shopper is back from the payment page: their card repayments on the order are confirmed with the provider
/// (a webhook may have done it first). In the sandbox, the sandbox page's button pays the payment first.
/// </summary>
/// <param name="SandboxRepaymentId">The payment the sandbox page paid; null after the provider's own page.</param>
public sealed record ConfirmRepaymentPayment(string OrderNumber, Actor Shopper, Guid? SandboxRepaymentId = null) : ICommand<Result<CancellationRequest>>;

public sealed class ConfirmRepaymentPaymentValidator : AbstractValidator<ConfirmRepaymentPayment>
{
    public ConfirmRepaymentPaymentValidator() =>
        RuleFor(c => c.OrderNumber).NotEmpty().WithMessage("Choose the order to pay for.");
}

public sealed class ConfirmRepaymentPaymentHandler(AppDbContext db, CancellationService cancellations, RepaymentConfirmation confirmation, IPaymentGateway gateway)
    : ICommandHandler<ConfirmRepaymentPayment, Result<CancellationRequest>>
{
    public async ValueTask<Result<CancellationRequest>> Handle(ConfirmRepaymentPayment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var pending = await db.Repayments.AsNoTracking()
            .Where(p => p.Method == RepaymentMethod.Card && p.Status == RepaymentStatus.Pending && p.Reference != null)
            .Join(db.CancellationRequests.Where(r => r.Order.Number == command.OrderNumber && r.Order.CustomerId == command.Shopper.Id), p => p.RequestId, r => r.Id, (p, _) => p)
            .ToListAsync(cancellationToken);
        var requestId = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.Order.Number == command.OrderNumber && r.Order.CustomerId == command.Shopper.Id && r.UndoStartedAt != null)
            .OrderByDescending(r => r.RequestedAt)
            .Select(r => (Guid?)r.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (requestId is null)
        {
            return Error.NotFound("No such order.");
        }

        if (command.SandboxRepaymentId is { } sandboxId)
        {
            // Only the sandbox has a payment page of ours; with a real provider this button does not exist.
            if (gateway is not SandboxPaymentGateway sandbox || pending.SingleOrDefault(p => p.Id == sandboxId) is not { } payment)
            {
                return Error.NotFound("There is no sandbox payment waiting for this order.");
            }

            sandbox.Pay(payment.Reference!);
        }

        foreach (var payment in pending)
        {
            await confirmation.ConfirmAsync(payment.RequestId, payment.Id, cancellationToken);
            db.ChangeTracker.Clear();
        }

        return await cancellations.LoadAsync(requestId.Value, cancellationToken) is { } request ? request : Error.NotFound("No such order.");
    }
}
