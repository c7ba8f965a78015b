using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// Writes each message as an RFC 822 .eml file into a folder. The embedded default: nothing to set up,
/// and any mail client opens the files. A mail server's pickup service can deliver them from there.
/// </summary>
public sealed class PickupFolderEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.PickupFolder);
        Directory.CreateDirectory(folder);
        using var message = MimeEmail.Build(email, settings);

        // Named by the outbox id: a retry after a crash rewrites the same file instead of adding a second email.
        // Written beside it first and then renamed, so whoever reads the folder never sees half an email.
        var path = Path.Combine(folder, $"{email.Id:N}.eml");
        var writing = Path.Combine(folder, $".{email.Id:N}.{Guid.NewGuid():N}.tmp");
        await message.WriteToAsync(writing, cancellationToken).ConfigureAwait(false);
        File.Move(writing, path, overwrite: true);
        return null;
    }
}
