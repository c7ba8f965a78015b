using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Orders;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// The emails shoppers receive about their cancellation. Each is written as plain text; <see cref="EmailLayout"/> gives
/// it the store's brand as HTML and text, with a link to the order in My Account.
/// </summary>
public static class EmailTemplates
{
    public static EmailMessage RequestReceived(Order order, CancellationRequest request) => Build(
        order,
        $"We received your cancellation request for order {order.Number}",
        $"""
        We received your request to cancel order {order.Number} on {Stamp(request.RequestedAt)}.
        Reason: {request.ShopperReason?.ToDisplay() ?? "—"}
        {(request.Comment is null ? "" : $"Your comment: {request.Comment}\n")}
        What happens next: our team reviews the request, usually within one business day. You can follow it or withdraw it from My Account while it has not been accepted yet.
        {ShopperSentences.WhenCanceled(order)}
        """,
        EmailTemplateNames.RequestReceived);

    public static EmailMessage CanceledAtOnce(Order order, CancellationRequest request) => Build(
        order,
        $"Order {order.Number} is canceled",
        $"""
        Order {order.Number} was canceled on {Stamp(request.ClosedAt ?? request.RequestedAt)}, as you asked.
        {ShopperSentences.Canceled(order, [], null)}
        """,
        EmailTemplateNames.CanceledAtOnce);

    public static EmailMessage Withdrawn(Order order, CancellationRequest request) => Build(
        order,
        $"Your cancellation request for order {order.Number} was withdrawn",
        $"""
        You withdrew your cancellation request for order {order.Number} on {Stamp(request.ClosedAt ?? request.LastChangedAt)}.
        The order goes ahead as planned.
        """,
        EmailTemplateNames.Withdrawn);

    public static EmailMessage Accepted(Order order, CancellationRequest request) => Build(
        order,
        $"Your cancellation of order {order.Number} is being processed",
        $"""
        We accepted your request to cancel order {order.Number} on {Stamp(request.AcceptedAt ?? request.LastChangedAt)}.
        We are now canceling it. {ShopperSentences.InProgress(order, null, null, null)}
        """,
        EmailTemplateNames.Accepted);

    public static EmailMessage Rejected(Order order, CancellationRequest request) => Build(
        order,
        $"We could not cancel order {order.Number}",
        $"""
        We could not cancel order {order.Number}.
        Reason: {request.RejectionReason}
        If you have questions, reply to this email.
        """,
        EmailTemplateNames.Rejected);

    public static string Stamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>An email to the order's shopper: greeting, the body, a sign-off and a link to the order in My Account.</summary>
    /// <param name="body">Plain text: paragraphs separated by blank lines. Never markup; the layout encodes it.</param>
    /// <param name="template">Which email this is (<see cref="EmailTemplateNames"/>), for the Emails page.</param>
    public static EmailMessage Build(Order order, string subject, string body, string template = EmailTemplateNames.ShopperUpdate)
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
        return new EmailMessage(order.CustomerEmail, subject, text)
        {
            ToName = order.CustomerName,
            Template = template,
            Actions = [new EmailAction("View your order", $"/Account/Orders/{Uri.EscapeDataString(order.Number)}")],
        };
    }
}
