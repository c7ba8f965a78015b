using MimeKit;
using MimeKit.Text;

namespace CancellationPortal.Domain.Notifications;

/// <summary>An email as a MIME message: text and HTML alternatives, UTF-8 names and subjects, and the outbox id in its headers.</summary>
public static class MimeEmail
{
    public static MimeMessage Build(OutgoingEmail email, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(options);
        var message = new MimeMessage
        {
            Subject = email.Subject,

            // The id stays the same on every attempt, so a server or a reader can tell a retried message from a new one.
            MessageId = $"{email.Id:N}@{options.From.Split('@').Last()}",
        };
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.To));
        message.Headers.Add(OutgoingEmail.IdHeader, email.Id.ToString());
        message.Body = new MultipartAlternative
        {
            // Text first: a client shows the last alternative it understands, so HTML wins where it can be shown.
            Part(TextFormat.Plain, email.Text),
            Part(TextFormat.Html, email.Html),
        };
        return message;
    }

    private static TextPart Part(TextFormat format, string content)
    {
        var part = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        part.SetText("utf-8", content);
        return part;
    }
}
