using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// Writes each message as an RFC 822 .eml file into a folder. The embedded default: nothing to set up,
/// and any mail client opens the files. A mail server's pickup service can deliver them from there.
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.PickupFolder);
        Directory.CreateDirectory(folder);

        using var mail = new MailMessage(new MailAddress(settings.From, settings.FromName), new MailAddress(message.To))
        {
            Subject = message.Subject,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,

            // Quoted-printable keeps the text readable in the file itself; base64 would hide it from anyone opening it in an editor.
            BodyTransferEncoding = System.Net.Mime.TransferEncoding.QuotedPrintable,
            SubjectEncoding = Encoding.UTF8,
        };
        if (message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, "text/html"));
        }

        using var client = new SmtpClient
        {
            DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
            PickupDirectoryLocation = folder,
        };
        await client.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
    }
}
