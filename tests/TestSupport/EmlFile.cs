using MimeKit;

namespace CancellationPortal.TestSupport;

/// <summary>An email read back as a mail client would: headers (encoded words decoded), the text part and the HTML part.</summary>
public sealed record EmlFile(IReadOnlyDictionary<string, string> Headers, string Body, string? Html, MimeMessage Message)
{
    public string Subject => Headers["Subject"];
    public string To => Headers["To"];

    public static EmlFile Read(string path) => From(MimeMessage.Load(path));

    public static EmlFile From(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers)
        {
            headers[header.Field] = header.Value;
        }

        return new EmlFile(headers, message.TextBody ?? "", message.HtmlBody, message);
    }
}
