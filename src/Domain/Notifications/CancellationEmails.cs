using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>The emails a cancellation's money path sends: the shopper's "canceled", and staff alerts about card refunds.</summary>
public sealed class CancellationEmails(AppDbContext db, IOptions<EmailOptions> email)
    : INotificationHandler<ShopperToldOfCancellation>, INotificationHandler<CardRefundNeedsStaff>
{
    public ValueTask Handle(ShopperToldOfCancellation notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (request, order) = (notification.Request, notification.Request.Order);
        var message = notification.AtOnce
            ? EmailTemplates.CanceledAtOnce(order, request)
            : CanceledEmail.Build(order, request, request.Refunds, db.FeeInvoiceIssuedFor(request));
        db.EnqueueEmail(message, order.Number, notification.At);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(CardRefundNeedsStaff notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (request, refund, to) = (notification.Request, notification.Refund, email.Value.SupportAddress);
        var number = request.Order.Number;
        var message = notification.Problem switch
        {
            CardRefundProblem.Failed => StaffEmails.CardRefundFailed(to, number, refund.Money, refund.FailureReason),
            CardRefundProblem.Reversed => StaffEmails.CardRefundReversed(to, number, refund.Money, refund.FailureReason, request.CanComplete),
            _ => StaffEmails.CardRefundAmountDiffers(to, number, refund.Money, notification.Reported!.Value, refund.ProviderReference),
        };
        db.EnqueueEmail(message, number, notification.At);
        return ValueTask.CompletedTask;
    }
}
