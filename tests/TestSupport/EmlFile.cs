using System.Text;
using System.Text.RegularExpressions;

namespace CancellationPortal.TestSupport;

/// <summary>Reads a pickup-folder .eml file back: headers (encoded words decoded) and the decoded text body.</summary>
public sealed partial record EmlFile(IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string Subject => Headers["Subject"];
    public string To => Headers["To"];

    public static EmlFile Read(string path)
    {
        var raw = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var split = raw.IndexOf("\n\n", StringComparison.Ordinal);
        var headerText = raw[..split];
        var body = raw[(split + 2)..];

        // Folded header lines continue with whitespace.
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in Regex.Replace(headerText, "\n[ \t]+", " ").Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = DecodeWords(line[(colon + 1)..].Trim());
        }

        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToLowerInvariant();
        var text = encoding switch
        {
            "quoted-printable" => Encoding.UTF8.GetString(DecodeQuotedPrintable(body)),
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\n", "", StringComparison.Ordinal))),
            _ => body,
        };
        return new EmlFile(headers, text);
    }

    private static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        var unfolded = text.Replace("=\n", "", StringComparison.Ordinal);
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

    private static string DecodeWords(string value) => EncodedWord().Replace(value, m =>
    {
        var data = m.Groups["data"].Value;
        var bytes = m.Groups["kind"].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(data)
            : DecodeQuotedPrintable(data.Replace('_', ' '));
        return Encoding.UTF8.GetString(bytes);
    });

    [GeneratedRegex(@"=\?utf-8\?(?<kind>[BQ])\?(?<data>[^?]*)\?=(\s+(?==\?))?", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
