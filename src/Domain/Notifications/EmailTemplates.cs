using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Domain.Notifications;

/// <summary>The emails shoppers receive about their cancellation, in plain text (every client shows it).</summary>
public static class EmailTemplates
{
    public static EmailMessage RequestReceived(Order order, CancellationRequest request) => Build(
        order,
        $"We received your cancellation request for order {order.Number}",
        $"""
        We received your request to cancel order {order.Number} on {Stamp(request.RequestedAt)}.
        Reason: {request.ShopperReason?.ToDisplay() ?? "—"}
        {(request.Comment is null ? "" : $"Your comment: {request.Comment}\n")}
        What happens next: our team reviews the request, usually within one business day. You can follow it
        or withdraw it from My Account while it has not been accepted yet.
        {ShopperSentences.WhenCanceled(order)}
        """);

    public static EmailMessage CanceledAtOnce(Order order, CancellationRequest request) => Build(
        order,
        $"Order {order.Number} is canceled",
        $"""
        Order {order.Number} was canceled on {Stamp(request.ClosedAt ?? request.RequestedAt)}, as you asked.
        {ShopperSentences.Canceled(order, [], null)}
        """);

    public static EmailMessage Withdrawn(Order order, CancellationRequest request) => Build(
        order,
        $"Your cancellation request for order {order.Number} was withdrawn",
        $"""
        You withdrew your cancellation request for order {order.Number} on {Stamp(request.ClosedAt ?? request.LastChangedAt)}.
        The order goes ahead as planned.
        """);

    public static EmailMessage Accepted(Order order, CancellationRequest request) => Build(
        order,
        $"Your cancellation of order {order.Number} is being processed",
        $"""
        We accepted your request to cancel order {order.Number} on {Stamp(request.AcceptedAt ?? request.LastChangedAt)}.
        We are now canceling it. {ShopperSentences.InProgress(order, null, null, null)}
        """);

    public static EmailMessage Rejected(Order order, CancellationRequest request) => Build(
        order,
        $"We could not cancel order {order.Number}",
        $"""
        We could not cancel order {order.Number}.
        Reason: {request.RejectionReason}
        If you have questions, reply to this email.
        """);

    public static string Stamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static EmailMessage Build(Order order, string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(order);
        var text = new StringBuilder()
            .Append("Hello ").Append(order.CustomerName).AppendLine(",")
            .AppendLine()
            .AppendLine(body.Trim())
            .AppendLine()
            .AppendLine("Kind regards,")
            .AppendLine("Customer service")
            .ToString();
        return new EmailMessage(order.CustomerEmail, subject, text);
    }
}
