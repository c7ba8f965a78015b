using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Tests.Common;

public sealed class WaitsAreToldInWords
{
    [Theory]
    [InlineData("00:00:00", "1 second")]
    [InlineData("00:00:00.2", "1 second")]
    [InlineData("00:00:40", "40 seconds")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:08:01", "9 minutes")]
    [InlineData("00:59:30", "1 hour")]
    [InlineData("01:05:00", "1 hour and 5 minutes")]
    [InlineData("02:00:00", "2 hours")]
    public void AWaitIsRoundedUpToTheNextWholeUnit(string duration, string words) =>
        Durations.InWords(TimeSpan.Parse(duration, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(words);
}
