using System.Globalization;

namespace CancellationPortal.Domain.Common;

public static class Durations
{
    /// <summary>A wait in words ("40 seconds", "9 minutes", "1 hour and 5 minutes"), rounded up so nobody comes back too early.</summary>
    public static string InWords(TimeSpan duration)
    {
        if (duration < TimeSpan.FromMinutes(1))
        {
            return Count(Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds)), "second");
        }

        var minutes = (int)Math.Ceiling(duration.TotalMinutes);
        if (minutes < 60)
        {
            return Count(minutes, "minute");
        }

        var (hours, rest) = Math.DivRem(minutes, 60);
        return rest == 0 ? Count(hours, "hour") : $"{Count(hours, "hour")} and {Count(rest, "minute")}";
    }

    private static string Count(int amount, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount} {unit}{(amount == 1 ? "" : "s")}");
}
