using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Refunds;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Cancellations;

/// <summary>The shopper pays by card what an undo of their order found due ("Pay now").</summary>
/// <param name="ReturnUrl">The order's page, where the provider sends the shopper back.</param>
public sealed record PayRepayment(string OrderNumber, Actor Shopper, Uri ReturnUrl) : ICommand<Result<RepaymentPayment>>;

/// <param name="PayUrl">The provider's payment page; null when the portal shows its sandbox page.</param>
public sealed record RepaymentPayment(Guid RequestId, Guid RepaymentId, Money Amount, string PaymentReference, Uri? PayUrl);

public sealed class PayRepaymentValidator : AbstractValidator<PayRepayment>
{
    public PayRepaymentValidator() =>
        RuleFor(c => c.OrderNumber).NotEmpty().WithMessage("Choose the order to pay for.");
}

/// <summary>
/// Commits the pending Repayment row first (its id is the provider's idempotency key, so a second click opens the
/// same payment), then opens the payment at the provider and records its id, by which its confirmation finds it.
/// </summary>
public sealed class PayRepaymentHandler(AppDbContext db, CancellationService cancellations, IPaymentGateway gateway, TimeProvider clock)
    : ICommandHandler<PayRepayment, Result<RepaymentPayment>>
{
    public async ValueTask<Result<RepaymentPayment>> Handle(PayRepayment command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var requestId = await db.CancellationRequests.AsNoTracking()
            .Where(r => r.Order.Number == command.OrderNumber && r.Order.CustomerId == command.Shopper.Id && r.Status == CancellationStatus.AwaitingRepayment)
            .Select(r => (Guid?)r.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (requestId is null || await cancellations.LoadAsync(requestId.Value, cancellationToken) is not { } request)
        {
            return Error.NotAllowed("Nothing is due on this order.");
        }

        var started = request.StartCardRepayment(command.Shopper, clock.GetUtcNow());
        if (!started.IsSuccess)
        {
            return started.Error!;
        }

        var committed = await cancellations.SaveAsync(request, cancellationToken);
        if (!committed.IsSuccess)
        {
            return committed.Error!;
        }

        var repayment = started.Value!;
        var payment = await gateway.StartPaymentAsync(
            new GatewayPaymentRequest(repayment.Id, repayment.Money, request.Order.Number, command.ReturnUrl), cancellationToken);
        if (repayment.Reference != payment.PaymentReference)
        {
            request.RecordRepaymentReference(repayment.Id, payment.PaymentReference);
            var recorded = await cancellations.SaveAsync(request, cancellationToken);
            if (!recorded.IsSuccess)
            {
                return recorded.Error!;
            }
        }

        return new RepaymentPayment(request.Id, repayment.Id, repayment.Money, payment.PaymentReference, payment.PayUrl);
    }
}
