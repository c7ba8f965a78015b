using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Common;

public sealed class AmountsTypedByPeopleAreReadStrictly
{
    [Theory]
    [InlineData("3.14", "EUR", "3.14")]
    [InlineData("3,14", "EUR", "3.14")]
    [InlineData(" 3,14 ", "EUR", "3.14")]
    [InlineData("65", "EUR", "65")]
    [InlineData("0", "EUR", "0")]
    [InlineData("0,5", "USD", "0.5")]
    [InlineData("1000", "EUR", "1000")]
    [InlineData("1500", "JPY", "1500")]
    [InlineData("12,345", "KWD", "12.345")]
    public void ADecimalPointOrADecimalCommaGivesTheSameAmount(string text, string currency, string expected)
    {
        var amount = AmountText.Parse(text, currency, out var error);

        error.ShouldBeNull();
        amount.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1,000.00", "EUR", "no thousands separators")]
    [InlineData("1.000,00", "EUR", "no thousands separators")]
    [InlineData("1.2.3", "EUR", "at most one decimal point or comma")]
    [InlineData("1e3", "EUR", "exponents")]
    [InlineData("1E3", "EUR", "exponents")]
    [InlineData("-5", "EUR", "signs")]
    [InlineData("+5", "EUR", "signs")]
    [InlineData("1 000", "EUR", "spaces")]
    [InlineData("3 ,14", "EUR", "spaces")]
    [InlineData("abc", "EUR", "digits")]
    [InlineData("5.", "EUR", "digits")]
    [InlineData(".5", "EUR", "digits")]
    [InlineData("٣", "EUR", "digits")]
    [InlineData("10.5", "JPY", "JPY amounts have no decimals.")]
    [InlineData("10.0", "JPY", "JPY amounts have no decimals.")]
    [InlineData("1.234", "EUR", "EUR amounts have at most 2 decimals.")]
    [InlineData("1,000", "EUR", "EUR amounts have at most 2 decimals.")]
    [InlineData("1.2345", "KWD", "KWD amounts have at most 3 decimals.")]
    [InlineData("1234567890123", "EUR", "too large")]
    [InlineData("", "EUR", "Enter an amount.")]
    [InlineData("   ", "EUR", "Enter an amount.")]
    [InlineData(null, "EUR", "Enter an amount.")]
    public void AnythingThatCouldMeanAnotherNumberIsRefusedWithAMessage(string? text, string currency, string message)
    {
        var amount = AmountText.Parse(text, currency, out var error);

        amount.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(message);
    }

    [Theory]
    [InlineData("65", "EUR", "65.00")]
    [InlineData("1234.5", "USD", "1234.50")]
    [InlineData("1500", "JPY", "1500")]
    [InlineData("1.5", "KWD", "1.500")]
    public void AnAmountShownInAnInputReadsBackAsItself(string amount, string currency, string shown)
    {
        var value = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture);

        AmountText.ForInput(value, currency).ShouldBe(shown);
        AmountText.Parse(shown, currency, out _).ShouldBe(value);
    }
}
