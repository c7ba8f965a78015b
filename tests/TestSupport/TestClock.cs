using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.TestSupport;

/// <summary>
/// Every test's clock starts at the same moment and moves only when the test moves it; timers on it (the
/// background jobs' ticks) fire only then too, so no job runs behind a test's back.
/// </summary>
public static class TestClock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider Create() => new(Start);
}
