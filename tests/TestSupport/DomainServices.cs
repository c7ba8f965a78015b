using CancellationPortal.Domain;
using CancellationPortal.Domain.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.TestSupport;

/// <summary>The app's own services (use cases, event handlers, unit of work) working on a context a test owns.</summary>
public static class DomainServices
{
    public static IServiceProvider On(AppDbContext db, TimeProvider clock)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddCancellationDomain(new ConfigurationBuilder().Build(), "CancellationPortal.Tests");
        services.AddScoped(_ => db);
        services.AddSingleton(clock);
        return services.BuildServiceProvider().CreateScope().ServiceProvider;
    }
}
