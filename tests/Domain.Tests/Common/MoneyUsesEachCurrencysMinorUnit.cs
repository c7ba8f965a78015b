using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Common;

public sealed class MoneyUsesEachCurrencysMinorUnit
{
    [Theory]
    [InlineData("12.34", "EUR", 1234)]
    [InlineData("0.01", "USD", 1)]
    [InlineData("199.90", "usd", 19990)]
    [InlineData("1234", "JPY", 1234)]
    [InlineData("50000", "KRW", 50000)]
    [InlineData("12.345", "KWD", 12345)]
    [InlineData("0", "EUR", 0)]
    [InlineData("-12.34", "EUR", -1234)]
    public void AnAmountBecomesMinorUnitsAndBack(string amount, string currency, long minor)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        money.ToMinorUnits().ShouldBe(minor);
        Money.FromMinorUnits(minor, currency).ShouldBe(new Money(money.Amount, currency.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("USD", 2)]
    [InlineData("JPY", 0)]
    [InlineData("jpy", 0)]
    [InlineData("KRW", 0)]
    [InlineData("KWD", 3)]
    [InlineData("bhd", 3)]
    public void EachCurrencyHasItsOwnNumberOfDecimals(string currency, int decimals) =>
        Money.DecimalsOf(currency).ShouldBe(decimals);

    [Theory]
    [InlineData("10.5", "JPY")]
    [InlineData("1.005", "EUR")]
    [InlineData("0.001", "USD")]
    [InlineData("99.9", "KRW")]
    public void AnAmountFinerThanTheMinorUnitIsABug(string amount, string currency)
    {
        var money = new Money(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency);

        Money.FitsCurrency(money.Amount, currency).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => money.ToMinorUnits());
    }

    [Theory]
    [InlineData("10", "JPY")]
    [InlineData("10.50", "EUR")]
    [InlineData("10.5", "USD")]
    [InlineData("0", "KRW")]
    [InlineData("1000000", "KRW")]
    public void AnAmountInWholeMinorUnitsFitsTheCurrency(string amount, string currency) =>
        Money.FitsCurrency(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBeTrue();

    [Theory]
    [InlineData("1234.5", "EUR", "EUR 1,234.50")]
    [InlineData("0", "USD", "USD 0.00")]
    [InlineData("1234", "JPY", "JPY 1,234")]
    [InlineData("1500000", "KRW", "KRW 1,500,000")]
    [InlineData("-5.1", "USD", "USD -5.10")]
    public void AnAmountIsShownWithItsCurrencysDecimals(string amount, string currency, string shown)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        Money.Format(value, currency).ShouldBe(shown);
        new Money(value, currency).ToString().ShouldBe(shown);
    }

    [Fact]
    public void FormattingDoesNotDependOnTheCurrentCulture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Money.Format(1234.5m, "EUR").ShouldBe("EUR 1,234.50");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }
}
