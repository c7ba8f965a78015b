using Microsoft.Extensions.Time.Testing;

namespace CancellationPortal.Stripe.Tests;

/// <summary>
/// The Stripe client's clock in tests: a fake clock that nobody waits for in real time. A wait shorter than the
/// per-attempt timeout (a retry delay) passes at once and is recorded; the timeout passes only when the fake
/// Stripe hangs, so a healthy attempt on a slow machine never times out and a hanging one never takes 5 s.
/// </summary>
public sealed class StripeTestClock : TimeProvider
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _fake = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly Lock _gate = new();

    /// <summary>Every retry delay the client waited, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime < RequestTimeout)
        {
            lock (_gate)
            {
                _waits.Add(dueTime);
            }

            // After CreateTimer returns, so the waiting task holds its timer before it fires.
            ThreadPool.QueueUserWorkItem(_ => _fake.Advance(dueTime));
        }

        return timer;
    }

    /// <summary>The fake Stripe hangs: as much time passes as the client gives one attempt.</summary>
    public void PassRequestTimeout() => _fake.Advance(RequestTimeout);
}
