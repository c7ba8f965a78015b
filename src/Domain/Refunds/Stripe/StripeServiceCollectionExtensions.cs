using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Refunds.Stripe;

public static class StripeServiceCollectionExtensions
{
    /// <summary>
    /// Card refunds: Stripe when Stripe:SecretKey is set, otherwise the sandbox (no money moves). Also the
    /// webhook handler and the reconciliation job.
    /// </summary>
    public static IServiceCollection AddStripeRefunds(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StripeOptions>().Bind(configuration.GetSection(StripeOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        // Stripe.net sends through this HttpClient; attempts time out in our retry pipeline, which needs the
        // client's own timeout out of the way.
        services.AddHttpClient<StripeClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        services.AddTransient<StripePaymentGateway>();
        services.AddSingleton<SandboxPaymentGateway>();
        services.AddTransient<IPaymentGateway>(sp => sp.GetRequiredService<IOptions<StripeOptions>>().Value.IsConfigured
            ? sp.GetRequiredService<StripePaymentGateway>()
            : sp.GetRequiredService<SandboxPaymentGateway>());

        services.AddScoped<StripeWebhookHandler>();
        services.AddScoped<RefundReconciler>();
        services.AddHostedService<RefundReconciliationService>();
        return services;
    }
}
