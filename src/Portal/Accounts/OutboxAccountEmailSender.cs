using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using CancellationPortal.Domain.Notifications;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Web;
using IdentityEmailSender = Microsoft.AspNetCore.Identity.UI.Services.IEmailSender;

namespace CancellationPortal.Portal.Accounts;

/// <summary>
/// Account mail from the Identity pages (email confirmation, password reset) goes through the same outbox as
/// every other message, so it is retried and never lost when the mail server is down, and is written with the store's
/// templates: the pages hand over only a subject and a link. They build their links from the request, whose Host
/// header anyone can set: every link is moved onto the portal's public address.
/// </summary>
internal sealed partial class OutboxAccountEmailSender(AppDbContext db, TimeProvider clock, PublicUrl publicUrl) : IdentityEmailSender
{
    /// <summary>The outbox topic of account mail; the address itself is personal data and stays out of it.</summary>
    public const string Topic = "account";

    public async Task SendEmailAsync(string email, string subject, string htmlMessage)
    {
        db.EnqueueEmail(Template(email, subject, htmlMessage), Topic, clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private EmailMessage Template(string email, string subject, string htmlMessage)
    {
        var links = HrefPattern().Matches(htmlMessage).Select(m => OnPublicUrl(m.Groups["href"].Value)).ToList();
        return (subject, links.Count) switch
        {
            (AccountEmailTemplates.ConfirmSubject, >= 1) => AccountEmailTemplates.Confirm(email, links[0]),
            (AccountEmailTemplates.ResetSubject, >= 1) => AccountEmailTemplates.ResetPassword(email, links[0]),
            (AccountEmailTemplates.AlreadyRegisteredSubject, >= 2) => AccountEmailTemplates.AlreadyRegistered(email, links[0], links[1]),
            _ => new EmailMessage(email, subject, ToText(HrefPattern().Replace(htmlMessage, m => $"href=\"{HtmlEncoder.Default.Encode(OnPublicUrl(m.Groups["href"].Value))}\"")))
            {
                Template = EmailTemplateNames.AccountMessage,
            },
        };
    }

    /// <summary>Keeps only the path and query of a link and puts them under the public address.</summary>
    private string OnPublicUrl(string encodedHref)
    {
        var href = WebUtility.HtmlDecode(encodedHref);
        var path = Uri.TryCreate(href, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery + absolute.Fragment : href;
        return publicUrl.Link(path);
    }

    /// <summary>A plain-text part for clients that do not show HTML: each link is written out in full.</summary>
    internal static string ToText(string html)
    {
        var withLinks = LinkPattern().Replace(html, m => $"{m.Groups["text"].Value} ({m.Groups["href"].Value})");
        return WebUtility.HtmlDecode(TagPattern().Replace(withLinks, ""));
    }

    [GeneratedRegex("""<a\s[^>]*href=['"](?<href>[^'"]*)['"][^>]*>(?<text>.*?)</a>""", RegexOptions.IgnoreCase | RegexOptions.Singleline, 1000)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("""href=['"](?<href>[^'"]*)['"]""", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex HrefPattern();

    [GeneratedRegex("<[^>]+>", RegexOptions.None, 1000)]
    private static partial Regex TagPattern();
}
