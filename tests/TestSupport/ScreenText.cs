using System.Text.RegularExpressions;
using CancellationPortal.Domain;

namespace CancellationPortal.TestSupport;

/// <summary>
/// What must never reach a person on a page: an enum member's code (BankDeposit, InProgress: any member whose name
/// is not a plain word) or an amount without its currency ("refund 400.0").
/// </summary>
public static class ScreenText
{
    private static readonly Regex Codes = new(
        @"\b(" + string.Join("|", typeof(DisplayNames).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic)
            .SelectMany(Enum.GetNames)
            .Where(name => name.Skip(1).Any(char.IsUpper) || name.Any(char.IsDigit))
            .Distinct()
            .Order(StringComparer.Ordinal)) + @")\b",
        RegexOptions.CultureInvariant);

    // A number with decimals that does not follow a currency code ("EUR 1,234.50" is fine, "400.0" is not).
    private static readonly Regex BareAmount = new(@"(?<![A-Z]{3} [\d,]*)(?<![\d.,])\d[\d,]*\.\d+", RegexOptions.CultureInvariant);

    /// <summary>The codes and bare amounts in a page's text, each with a little of the text around it.</summary>
    public static IReadOnlyList<string> Problems(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. Codes.Matches(text).Concat(BareAmount.Matches(text)).Select(m => Around(text, m))];
    }

    private static string Around(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 40);
        var end = Math.Min(text.Length, match.Index + match.Length + 40);
        return $"“{match.Value}” in …{Regex.Replace(text[start..end], @"\s+", " ")}…";
    }
}
