using System.Net;
using System.Text.RegularExpressions;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using IdentityEmailSender = Microsoft.AspNetCore.Identity.UI.Services.IEmailSender;

namespace CancellationPortal.Portal.Accounts;

/// <summary>
/// Account mail from the Identity pages (email confirmation, password reset) goes through the same outbox as
/// every other message, so it is retried and never lost when the mail server is down.
/// </summary>
internal sealed partial class OutboxAccountEmailSender(AppDbContext db, TimeProvider clock) : IdentityEmailSender
{
    /// <summary>The outbox topic of account mail; the address itself is personal data and stays out of it.</summary>
    public const string Topic = "account";

    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        db.EnqueueEmail(new EmailMessage(email, subject, ToText(htmlMessage), htmlMessage), Topic, clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    /// <summary>A plain-text part for clients that do not show HTML: each link is written out in full.</summary>
    internal static string ToText(string html)
    {
        var withLinks = LinkPattern().Replace(html, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        return WebUtility.HtmlDecode(TagPattern().Replace(withLinks, ""));
    }

    [GeneratedRegex("""<a\s[^>]*href=['"](?<href>[^'"]*)['"][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.None, 1000)]
    private static partial Regex TagPattern();
}
