using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Invoicing;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Persistence;
using Mediator;

namespace CancellationPortal.Domain.Notifications;

/// <summary>What the shopper is told at each step of an undo: a payment is due, a reminder, the order is active again.</summary>
public sealed class UndoEmails(AppDbContext db)
    : INotificationHandler<UndoAwaitsRepayment>, INotificationHandler<ShopperToldOfUndo>, INotificationHandler<ShopperRemindedOfRepayment>
{
    public ValueTask Handle(ShopperRemindedOfRepayment notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var order = notification.Request.Order;
        db.EnqueueEmail(Reminder(order, notification.Request.RepaymentDue), order.Number, notification.At);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(UndoAwaitsRepayment notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var order = notification.Request.Order;
        db.EnqueueEmail(PaymentDue(order, notification.Request.RepaymentDue), order.Number, notification.At);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(ShopperToldOfUndo notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var order = notification.Request.Order;
        db.EnqueueEmail(ActiveAgain(order, ReissueInvoiceWhenUndone.IssuedIn(db, notification.Request)), order.Number, notification.At);
        return ValueTask.CompletedTask;
    }

    /// <summary>Takes the amount rather than the request, so the Undo page can show the email before anything is due.</summary>
    public static EmailMessage PaymentDue(Order order, Common.Money due) =>
        EmailTemplates.Build(
            order,
            $"Keeping order {order.Number}: {due} to pay",
            $"""
            As you asked, we are undoing the cancellation of order {order.Number}, so you keep the order.
            {due} of the refund had already reached you, so it has to be paid again before the order goes ahead.
            Pay it with "Pay now" on the order's page in My Account, or by bank transfer quoting order {order.Number}.
            We email you as soon as the payment has arrived.
            """,
            EmailTemplateNames.UndoPaymentDue);

    public static EmailMessage Reminder(Order order, Common.Money due) =>
        EmailTemplates.Build(
            order,
            $"Reminder: {due} to pay to keep order {order.Number}",
            $"""
            We are still waiting for your payment of {due} to keep order {order.Number}.
            Pay it with "Pay now" on the order's page in My Account, or by bank transfer quoting order {order.Number}.
            If you no longer want the order, reply to this email and we keep it canceled.
            """,
            EmailTemplateNames.UndoReminder);

    public static EmailMessage ActiveAgain(Order order, Invoice? invoice) => EmailTemplates.Build(
        order,
        $"Order {order.Number} is active again",
        $"""
        The cancellation of order {order.Number} is undone: your order is active again and goes ahead as planned.
        {(invoice is null ? "" : $"Your new invoice is {invoice.Number} ({Common.Money.Format(invoice.Amount, invoice.Currency)}).")}
        """,
        EmailTemplateNames.UndoActiveAgain);

    /// <summary>For staff: a card payment arrived for an undo that no longer waits for it, so the shopper may have paid for nothing.</summary>
    public static EmailMessage RepaymentNotAwaited(string to, string orderNumber, Common.Money paid) => new EmailMessage(
        to,
        $"Payment received for order {orderNumber}, whose undo no longer waits for it",
        $"""
        The shopper paid {paid} by card to keep order {orderNumber}, but its undo is no longer waiting for a
        repayment (it was completed, or kept canceled).

        Check the order: if the shopper paid for nothing, refund the payment in the payment provider's dashboard.
        """) { ToName = "Support", Template = EmailTemplateNames.RepaymentNotAwaited };
}
