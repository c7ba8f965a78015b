using System.Text.Json;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// An email as a template wrote it: plain text only, so nothing a shopper typed can become markup. The store's layout
/// turns it into the HTML and text parts when it is sent (<see cref="EmailLayout"/>).
/// </summary>
/// <param name="TextBody">Paragraphs separated by blank lines; each line break is kept.</param>
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    public const string OutboxKind = "email";

    /// <summary>The recipient's name as the mail client shows it.</summary>
    public string? ToName { get; init; }

    /// <summary>Which template wrote it (<see cref="EmailTemplateNames"/>): the Emails page filters by it.</summary>
    public string? Template { get; init; }

    /// <summary>What the reader can do next, shown as buttons; each link is a path on the portal or an absolute address.</summary>
    public IReadOnlyList<EmailAction> Actions { get; init; } = [];

    public string ToJson() => JsonSerializer.Serialize(this);

    public static EmailMessage FromJson(string json) =>
        JsonSerializer.Deserialize<EmailMessage>(json) ?? throw new InvalidOperationException("Empty email payload.");
}

/// <param name="Link">A path on the portal (made absolute from <c>Portal:PublicUrl</c>) or an absolute address.</param>
public sealed record EmailAction(string Label, string Link);

/// <summary>An email ready to leave: both parts rendered in the store's layout, with the outbox row's id to recognise it by.</summary>
public sealed record OutgoingEmail(Guid Id, string To, string? ToName, string Subject, string Text, string Html, string? Category)
{
    /// <summary>The header (SMTP) and custom argument (SendGrid) that carry <see cref="Id"/>, so a retried send and a delivery event are matched to their outbox row.</summary>
    public const string IdHeader = "X-Outbox-Id";

    public const string IdArgument = "outbox_id";
}

public interface IEmailSender
{
    /// <summary>Hands the email to the mail service.</summary>
    /// <returns>The service's id for the message, when it gives one.</returns>
    /// <exception cref="EmailNotSentException">The service refused or could not take the email now.</exception>
    Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken);
}

/// <summary>The mail service did not take an email: <see cref="Permanent"/> when sending it again cannot help.</summary>
public sealed class EmailNotSentException : Exception
{
    public EmailNotSentException()
    {
    }

    public EmailNotSentException(string message)
        : base(message)
    {
    }

    public EmailNotSentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EmailNotSentException(string reason, bool permanent, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(reason, innerException)
    {
        Permanent = permanent;
        RetryAfter = retryAfter;
    }

    /// <summary>The service refused the email itself (a bad address, a rejected key): mark it failed at once.</summary>
    public bool Permanent { get; }

    /// <summary>How long the service asked us to wait before the next attempt.</summary>
    public TimeSpan? RetryAfter { get; }
}
