using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.Domain.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Notifications;

/// <summary>What every email wears: the store's name, logo, colour, address and support contact, and where its links lead.</summary>
public sealed record EmailBrand(string StoreName, string? LogoUrl, string BrandColor, string? Address, string? SupportContact, Uri PortalUrl)
{
    public static EmailBrand From(StoreSettings settings, Uri portalUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.StoreName, settings.LogoUrl, settings.BrandColor, settings.StoreAddress, settings.SupportContact, portalUrl);
    }

    /// <summary>A path on the portal made absolute from its public address; an absolute address stays as it is.</summary>
    public string Link(string pathOrUrl)
    {
        ArgumentNullException.ThrowIfNull(pathOrUrl);
        return Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https"
            ? pathOrUrl
            : PortalUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + pathOrUrl.TrimStart('/');
    }
}

/// <summary>Both parts of an email as they leave.</summary>
public sealed record RenderedEmail(string Subject, string Text, string Html);

/// <summary>
/// Lays a template's text out in the store's brand, as HTML and as plain text. Everything from the template is
/// encoded on the way into the HTML, so a shopper's comment or a staff note can never become markup.
/// </summary>
public static partial class EmailLayout
{
    // Encodes markup characters but keeps letters of every script readable in the source of the email.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedEmail Render(EmailMessage message, EmailBrand brand)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(brand);
        return new RenderedEmail(message.Subject, Text(message, brand), Html(message, brand));
    }

    private static string Text(EmailMessage message, EmailBrand brand)
    {
        var text = new StringBuilder().AppendLine(message.TextBody.Trim());
        foreach (var action in message.Actions)
        {
            text.AppendLine().Append(action.Label).Append(": ").AppendLine(brand.Link(action.Link));
        }

        text.AppendLine().AppendLine("-- ").AppendLine(brand.StoreName);
        foreach (var line in FooterLines(brand))
        {
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Html(EmailMessage message, EmailBrand brand)
    {
        var color = E(brand.BrandColor);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(message.Subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"margin:0;padding:0;background:#f3f4f6;font-family:Arial,Helvetica,sans-serif;color:#1f2937;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:#f3f4f6;\"><tr><td align=\"center\" style=\"padding:24px 12px;\">\n")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background:#ffffff;border-radius:8px;\">\n")
            .Append("<tr><td style=\"background:").Append(color).Append(";color:#ffffff;padding:16px 24px;border-radius:8px 8px 0 0;font-size:20px;font-weight:bold;\">");
        if (brand.LogoUrl is { Length: > 0 } logo)
        {
            html.Append("<img src=\"").Append(E(brand.Link(logo))).Append("\" alt=\"\" height=\"32\" style=\"height:32px;vertical-align:middle;margin-right:8px;\">");
        }

        html.Append(E(brand.StoreName)).Append("</td></tr>\n<tr><td style=\"padding:24px;font-size:16px;line-height:1.5;\">\n");
        foreach (var paragraph in Paragraphs(message.TextBody))
        {
            html.Append("<p style=\"margin:0 0 16px;\">")
                .AppendJoin("<br>\n", paragraph.Select(E))
                .Append("</p>\n");
        }

        foreach (var action in message.Actions)
        {
            html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(E(brand.Link(action.Link)))
                .Append("\" style=\"display:inline-block;background:").Append(color)
                .Append(";color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:6px;font-weight:bold;\">")
                .Append(E(action.Label)).Append("</a></p>\n");
        }

        html.Append("</td></tr>\n<tr><td style=\"padding:16px 24px;border-top:1px solid #e5e7eb;font-size:13px;color:#4b5563;\">")
            .Append(E(brand.StoreName));
        foreach (var line in FooterLines(brand))
        {
            html.Append("<br>").Append(E(line));
        }

        return html.Append("</td></tr>\n</table>\n</td></tr></table>\n</body>\n</html>\n").ToString();
    }

    private static IEnumerable<string> FooterLines(EmailBrand brand)
    {
        if (brand.Address is { Length: > 0 } address)
        {
            yield return address;
        }

        if (brand.SupportContact is { Length: > 0 } support)
        {
            yield return $"Questions? {support}";
        }
    }

    /// <summary>Paragraphs are separated by blank lines; the lines inside one stay lines.</summary>
    private static IEnumerable<string[]> Paragraphs(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim())
            .Select(p => p.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray())
            .Where(lines => lines.Length > 0);

    private static string E(string value) => Encoder.Encode(value);

    [GeneratedRegex(@"\n[ \t]*\n", RegexOptions.None, 1000)]
    private static partial Regex BlankLines();
}

/// <summary>Reads the store's brand for the emails about to leave (the settings an Admin may have just changed).</summary>
public sealed class EmailBrandSource(AppDbContext db, IOptions<EmailOptions> options)
{
    public async Task<EmailBrand> CurrentAsync(CancellationToken cancellationToken)
    {
        var settings = await db.StoreSettings.AsNoTracking().SingleAsync(cancellationToken);
        return EmailBrand.From(settings, options.Value.PortalUrl);
    }
}
