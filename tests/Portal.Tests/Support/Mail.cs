using System.Text.RegularExpressions;
using CancellationPortal.Domain.Notifications;

namespace CancellationPortal.Portal.Tests.Support;

public static partial class Mail
{
    /// <summary>The first link written out in an email's plain-text part.</summary>
    public static string Link(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = LinkPattern().Match(message.TextBody);
        match.Success.ShouldBeTrue(message.TextBody);
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"\((https?://[^)\s]+)\)")]
    private static partial Regex LinkPattern();
}
