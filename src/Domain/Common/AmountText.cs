using System.Globalization;
using System.Text.RegularExpressions;

namespace CancellationPortal.Domain.Common;

/// <summary>
/// Reads an amount typed by a person. Decimal keyboards give a comma in many countries, so "3,14" and "3.14"
/// both mean 3.14; anything that could be read as another number (grouping, two separators, exponents,
/// signs, spaces inside, more decimals than the currency has) is refused with a message, never guessed at.
/// </summary>
public static partial class AmountText
{
    private const int MaxWholeDigits = 12;

    /// <summary>The amount, or null with the reason in <paramref name="error"/>. Empty text is an error too: callers decide whether it may be left out.</summary>
    public static decimal? Parse(string? text, string currency, out string? error)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            error = "Enter an amount.";
            return null;
        }

        var match = Shape().Match(trimmed);
        if (!match.Success)
        {
            error = "Enter the amount as digits with at most one decimal point or comma, like 12.50: no thousands separators, signs, spaces or exponents.";
            return null;
        }

        var whole = match.Groups["whole"].Value;
        var fraction = match.Groups["fraction"].Value;
        if (whole.Length > MaxWholeDigits)
        {
            error = "That amount is too large.";
            return null;
        }

        var decimals = Money.DecimalsOf(currency);
        if (fraction.Length > decimals)
        {
            error = decimals == 0
                ? $"{currency.ToUpperInvariant()} amounts have no decimals."
                : $"{currency.ToUpperInvariant()} amounts have at most {decimals} decimals.";
            return null;
        }

        error = null;
        return decimal.Parse(fraction.Length == 0 ? whole : $"{whole}.{fraction}", NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>An amount as an input field shows it: the currency's decimals, a decimal point, no grouping, so it reads back as itself.</summary>
    public static string ForInput(decimal amount, string currency) =>
        amount.ToString("F" + Money.DecimalsOf(currency), CultureInfo.InvariantCulture);

    // ASCII digits only (no other scripts' digits), one optional separator with digits on both sides.
    [GeneratedRegex(@"^(?<whole>[0-9]+)(?:[.,](?<fraction>[0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
