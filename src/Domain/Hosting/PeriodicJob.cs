using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.Domain.Hosting;

/// <summary>One unit of background work, resolved in a fresh DI scope for every tick.</summary>
public interface IPeriodicWork
{
    Task RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Runs <typeparamref name="TWork"/> on a timer, one DI scope per tick. A failing tick is logged and the
/// next one runs as usual, so one bad item never stops the job.
/// </summary>
public abstract class PeriodicJob<TWork>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TWork : IPeriodicWork
{
    private static readonly Action<ILogger, string, Exception?> TickFailed =
        LoggerMessage.Define<string>(LogLevel.Error, new EventId(1, "TickFailed"), "Background job {Job} failed; it runs again on the next tick");

    protected abstract TimeSpan Interval { get; }

    protected virtual bool Enabled => true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<TWork>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                TickFailed(logger, typeof(TWork).Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
