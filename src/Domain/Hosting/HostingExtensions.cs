using CancellationPortal.Domain.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Hosting;

public static class HostingExtensions
{
    /// <summary>Applies pending migrations before the app takes traffic (safe when several instances start at once).</summary>
    public static async Task MigrateDatabaseAsync(this IHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }
    }
}
