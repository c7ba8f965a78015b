using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Notifications;

/// <summary>Where an email stands, as staff need to know it.</summary>
public enum EmailState
{
    Waiting,
    Retrying,
    Sent,
    Delivered,
    Failed,
    Bounced,
    Dropped,
    SpamReported,
}

/// <summary>Which emails the Emails page lists.</summary>
public enum EmailStateFilter
{
    All,
    Waiting,
    Sent,
    Delivered,
    NotReceived,
    SpamReported,
}

public sealed record EmailFilter(EmailStateFilter State = EmailStateFilter.All, string? Template = null, string? OrderNumber = null, DateTimeOffset? Before = null);

/// <param name="Problem">Why it failed or bounced, in the mail service's words.</param>
public sealed record EmailRow(
    Guid Id, DateTimeOffset CreatedAt, string? Topic, string? Template, string To, string Subject, EmailState State, int Attempts, string? Problem, DateTimeOffset? ResentAt)
{
    /// <summary>The order the email is about; none for account and test emails.</summary>
    public string? OrderNumber =>
        EmailLog.ShopperTemplates.Contains(Template) || Template?.StartsWith(EmailTemplateNames.StaffPrefix, StringComparison.Ordinal) == true ? Topic : null;

    /// <summary>It did not reach its reader and has not been sent again yet.</summary>
    public bool CanResend => State is EmailState.Failed or EmailState.Bounced or EmailState.Dropped && ResentAt is null;
}

/// <summary>The emails the store sent, newest first, for the Emails page and a request's page.</summary>
public sealed class EmailLog(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The templates whose emails go to the order's shopper: a bounce of one means the shopper was not told.</summary>
    public static readonly string[] ShopperTemplates =
    [
        EmailTemplateNames.RequestReceived, EmailTemplateNames.Accepted, EmailTemplateNames.Rejected, EmailTemplateNames.Withdrawn,
        EmailTemplateNames.Canceled, EmailTemplateNames.CanceledAtOnce, EmailTemplateNames.ShopperUpdate,
        EmailTemplateNames.UndoPaymentDue, EmailTemplateNames.UndoReminder, EmailTemplateNames.UndoActiveAgain,
    ];

    public async Task<IReadOnlyList<EmailRow>> FindAsync(EmailFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var emails = db.Outbox.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind);
        emails = filter.State switch
        {
            EmailStateFilter.Waiting => emails.Where(m => m.Status == OutboxStatus.Pending),
            EmailStateFilter.Sent => emails.Where(m => m.Status == OutboxStatus.Sent && m.Delivery == null),
            EmailStateFilter.Delivered => emails.Where(m => m.Delivery == EmailDelivery.Delivered),
            EmailStateFilter.NotReceived => emails.Where(m => m.Status == OutboxStatus.Failed || m.Delivery == EmailDelivery.Bounced || m.Delivery == EmailDelivery.Dropped),
            EmailStateFilter.SpamReported => emails.Where(m => m.Delivery == EmailDelivery.SpamReported),
            _ => emails,
        };
        if (!string.IsNullOrWhiteSpace(filter.Template))
        {
            emails = emails.Where(m => m.Template == filter.Template);
        }

        if (!string.IsNullOrWhiteSpace(filter.OrderNumber))
        {
            var number = filter.OrderNumber.Trim();
            emails = emails.Where(m => m.Topic == number);
        }

        if (filter.Before is { } before)
        {
            emails = emails.Where(m => m.CreatedAt < before);
        }

        return await RowsAsync(emails, PageSize, cancellationToken);
    }

    /// <summary>Every email about one order, newest first.</summary>
    public Task<IReadOnlyList<EmailRow>> ForOrderAsync(string orderNumber, CancellationToken cancellationToken) =>
        RowsAsync(db.Outbox.AsNoTracking().Where(m => m.Kind == EmailMessage.OutboxKind && m.Topic == orderNumber), 200, cancellationToken);

    private static async Task<IReadOnlyList<EmailRow>> RowsAsync(IQueryable<OutboxMessage> emails, int take, CancellationToken cancellationToken)
    {
        var messages = await emails.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(take).ToListAsync(cancellationToken);
        return [.. messages.Select(Row)];
    }

    private static EmailRow Row(OutboxMessage message)
    {
        var email = EmailMessage.FromJson(message.Payload);
        return new EmailRow(message.Id, message.CreatedAt, message.Topic, message.Template, email.To, email.Subject, StateOf(message), message.Attempts,
            message.Delivery is EmailDelivery.Bounced or EmailDelivery.Dropped or EmailDelivery.SpamReported ? message.DeliveryDetail : message.LastError,
            message.ResentAt);
    }

    private static EmailState StateOf(OutboxMessage message) => message switch
    {
        { Delivery: EmailDelivery.Bounced } => EmailState.Bounced,
        { Delivery: EmailDelivery.Dropped } => EmailState.Dropped,
        { Delivery: EmailDelivery.SpamReported } => EmailState.SpamReported,
        { Delivery: EmailDelivery.Delivered } => EmailState.Delivered,
        { Status: OutboxStatus.Failed } => EmailState.Failed,
        { Status: OutboxStatus.Sent } => EmailState.Sent,
        { Attempts: > 0 } => EmailState.Retrying,
        _ => EmailState.Waiting,
    };
}
