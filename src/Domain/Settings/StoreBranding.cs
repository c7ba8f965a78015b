using System.Globalization;
using System.Text.RegularExpressions;

namespace CancellationPortal.Domain.Settings;

/// <summary>
/// What the portal may be branded with. A logo comes from an https address or from the portal itself (a page served
/// over https must not load a picture over http, and a script address is no picture); a brand colour carries white
/// text, so it must be dark enough for that text to be read (WCAG 2.2 AA: a contrast of at least 4.5:1).
/// </summary>
public static partial class StoreBranding
{
    public const string DefaultStoreName = "Example Store";
    public const string DefaultBrandColor = "#1d4f91";
    public const double MinimumContrast = 4.5;

    /// <summary>Why the logo address cannot be used, or null when it can.</summary>
    public static string? LogoProblem(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        if (url.Length > StoreSettings.MaxLogoUrlLength || url.Any(char.IsWhiteSpace))
        {
            return $"The logo address must be one address of at most {StoreSettings.MaxLogoUrlLength} characters, without spaces.";
        }

        // "/images/logo.png" is on this site; "//host/logo.png" and "/\host" would leave it.
        var onThisSite = url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
        var https = Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme == Uri.UriSchemeHttps && absolute.Host.Length > 0;
        return onThisSite || https
            ? null
            : "The logo must be an https:// address or a path on the portal starting with / (for example /images/logo.png).";
    }

    /// <summary>Why the colour cannot be the brand colour, or null when it can.</summary>
    public static string? ColorProblem(string? color)
    {
        if (color is null || !HexColor().IsMatch(color))
        {
            return "The brand colour must be written as # and six hexadecimal digits, for example #1d4f91.";
        }

        var contrast = ContrastWithWhite(color);
        return contrast >= MinimumContrast
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"White text on {color} has a contrast of only {Math.Floor(contrast * 10) / 10:0.0}:1; it needs at least {MinimumContrast:0.0}:1 to be readable. Choose a darker colour.");
    }

    /// <summary>The contrast ratio of white against a #rrggbb colour, as WCAG defines it (1 to 21).</summary>
    public static double ContrastWithWhite(string color)
    {
        ArgumentNullException.ThrowIfNull(color);
        double Channel(int start)
        {
            var value = int.Parse(color.AsSpan(start, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return value <= 0.04045 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        var luminance = (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
        return 1.05 / (luminance + 0.05);
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}
