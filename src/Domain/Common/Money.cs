using System.Globalization;

namespace CancellationPortal.Domain.Common;

/// <summary>An amount in an ISO 4217 currency. Minor units are used only at the payment-provider edge.</summary>
public readonly record struct Money(decimal Amount, string Currency)
{
    // ISO 4217 currencies without a minor unit, as payment providers (Stripe among them) treat them.
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    // ISO 4217 currencies with three decimals (fils, baisa, millimes).
    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND",
    };

    public static int DecimalsOf(string currency) =>
        ZeroDecimal.Contains(currency) ? 0 : ThreeDecimal.Contains(currency) ? 3 : 2;

    public long ToMinorUnits()
    {
        var decimals = DecimalsOf(Currency);
        var scaled = Amount * (decimal)Math.Pow(10, decimals);
        if (scaled != decimal.Truncate(scaled))
        {
            throw new InvalidOperationException($"{this} has more precision than {Currency} allows.");
        }

        return (long)scaled;
    }

    public static Money FromMinorUnits(long minor, string currency) =>
        new(minor / (decimal)Math.Pow(10, DecimalsOf(currency)), currency.ToUpperInvariant());

    /// <summary>True when the amount can be expressed in the currency's minor unit (no JPY 10.5).</summary>
    public static bool FitsCurrency(decimal amount, string currency)
    {
        var scaled = amount * (decimal)Math.Pow(10, DecimalsOf(currency));
        return scaled == decimal.Truncate(scaled);
    }

    public override string ToString() => Format(Amount, Currency);

    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{currency} {amount.ToString("N" + DecimalsOf(currency), CultureInfo.InvariantCulture)}");
}
