using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CancellationPortal.Domain.Notifications;

namespace CancellationPortal.Portal.Tests.Support;

public static partial class Mail
{
    /// <summary>Where the email's first button leads.</summary>
    public static string Link(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Actions.ShouldNotBeEmpty(message.TextBody);
        return message.Actions[0].Link;
    }

    /// <summary>Every web address in a delivered .eml file, from all its parts (plain text and HTML) decoded.</summary>
    public static IReadOnlyList<string> LinksInEml(string eml)
    {
        ArgumentNullException.ThrowIfNull(eml);
        var decoded = new StringBuilder();
        foreach (Match part in MimePart().Matches(eml.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            var body = part.Groups["body"].Value;
            var bytes = part.Groups["encoding"].Value.ToLowerInvariant() switch
            {
                "base64" => Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal)),
                "quoted-printable" => QuotedPrintable(body),
                _ => Encoding.UTF8.GetBytes(body),
            };
            decoded.Append(Encoding.UTF8.GetString(bytes)).Append('\n');
        }

        return AnyUrl().Matches(WebUtility.HtmlDecode(decoded.ToString())).Select(m => m.Value).ToList();
    }

    private static byte[] QuotedPrintable(string text)
    {
        var unfolded = text.Replace("=\n", "", StringComparison.Ordinal);
        var bytes = new List<byte>();
        for (var i = 0; i < unfolded.Length; i++)
        {
            if (unfolded[i] == '=' && i + 2 < unfolded.Length)
            {
                bytes.Add(Convert.ToByte(unfolded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(unfolded[i].ToString()));
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"Content-Transfer-Encoding: (?<encoding>[\w-]+)\n(?:[^\n]+\n)*?\n(?<body>.*?)(?=\n--|\z)", RegexOptions.Singleline)]
    private static partial Regex MimePart();

    [GeneratedRegex(@"https?://[^\s'""<>)]+")]
    private static partial Regex AnyUrl();
}
