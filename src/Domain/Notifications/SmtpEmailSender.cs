using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// Sends through the store's own SMTP relay with MailKit. A 5xx reply refuses the email for good; a 4xx reply, a
/// timeout or a server that cannot be reached leaves it for the outbox to try again.
/// </summary>
public sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var smtp = settings.Smtp;
        using var message = MimeEmail.Build(email, settings);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, Socket(smtp.Security), cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return message.MessageId;
        }
        catch (SmtpCommandException ex)
        {
            var permanent = (int)ex.StatusCode >= 500;
            throw new EmailNotSentException($"The mail server answered {(int)ex.StatusCode}: {ex.Message}", permanent, innerException: ex);
        }
        catch (AuthenticationException ex)
        {
            throw new EmailNotSentException($"The mail server refused the sign-in: {ex.Message}", permanent: true, innerException: ex);
        }
        catch (Exception ex) when (ex is not EmailNotSentException && !cancellationToken.IsCancellationRequested)
        {
            // Refused connections, timeouts and dropped connections pass: the outbox tries again later.
            throw new EmailNotSentException($"The mail server could not be reached: {ex.Message}", permanent: false, innerException: ex);
        }
    }

    private static SecureSocketOptions Socket(SmtpSecurity security) => security switch
    {
        SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.StartTls,
    };
}
