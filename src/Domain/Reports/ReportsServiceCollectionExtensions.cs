using CancellationPortal.Domain.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Domain.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The refund reports, their exports, and the store's time zone they count days in.</summary>
    public static IServiceCollection AddRefundReports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section))
            .Validate(o => o.ExportRowLimit > 0, "Reports:ExportRowLimit must be a positive number of rows.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton<StoreTimeZone>();
        services.AddScoped<RefundReports>();
        services.AddScoped<RefundLedger>();
        return services;
    }
}

public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>The most rows one export writes; a larger one is refused with a message asking for a shorter period.</summary>
    public long ExportRowLimit { get; set; } = 5_000_000;
}
