using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Hosting;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Integrations;

/// <summary>
/// Sends due webhook deliveries: claim, sign, POST, record. A 2xx answer is success; anything else, a redirect,
/// a refused address or no answer in time is retried later with the same webhook-id, so the store can de-duplicate.
/// </summary>
public sealed partial class WebhookSender(
    AppDbContext db,
    IHttpClientFactory httpClients,
    WebhookAddresses addresses,
    TimeProvider clock,
    IOptions<WebhookOptions> options,
    ILogger<WebhookSender> logger) : IPeriodicWork
{
    public const string HttpClientName = "webhooks";
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(2);

    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<WebhookDelivery>()
            .Where(d => d.Status == WebhookDeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LockedUntil == null || d.LockedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(20).ToListAsync(cancellationToken);
        var attempted = 0;
        foreach (var id in due)
        {
            // Claim with a conditional update: of several instances, exactly one sends it.
            var lockedUntil = now + ClaimTimeout;
            var claimed = await db.Set<WebhookDelivery>()
                .Where(d => d.Id == id && d.Status == WebhookDeliveryStatus.Pending && (d.LockedUntil == null || d.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LockedUntil, lockedUntil), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            attempted++;
            var delivery = await db.Set<WebhookDelivery>().SingleAsync(d => d.Id == id, cancellationToken);
            var endpoint = await db.Set<WebhookEndpoint>().SingleOrDefaultAsync(e => e.Id == delivery.EndpointId, cancellationToken);
            if (endpoint is not { IsActive: true })
            {
                delivery.Abandon("The endpoint is disabled.");
            }
            else
            {
                await SendAsync(endpoint, delivery, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return attempted;
    }

    Task IPeriodicWork.RunOnceAsync(CancellationToken cancellationToken) => DeliverDueAsync(cancellationToken);

    private async Task SendAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var url = new Uri(endpoint.Url);
        int? code = null;
        string? failure;
        try
        {
            failure = await addresses.ProblemWithResolvedAsync(url, cancellationToken);
            if (failure is null)
            {
                var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
                request.Headers.Add("webhook-id", delivery.MessageId);
                request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
                request.Headers.Add("webhook-signature", WebhookSignature.Sign(endpoint.Secret, delivery.MessageId, timestamp, delivery.Payload));
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.Value.Timeout);
                using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                code = (int)response.StatusCode;
                failure = response.IsSuccessStatusCode ? null : $"The endpoint answered {code}.";
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = "The endpoint did not answer in time.";
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            failure = $"The endpoint's name could not be resolved: {ex.Message}";
        }
        catch (HttpRequestException ex)
        {
            failure = $"The endpoint could not be reached: {ex.Message}";
        }

        var now = clock.GetUtcNow();
        if (failure is null)
        {
            delivery.Delivered(code!.Value, now);
            endpoint.Succeeded();
            return;
        }

        delivery.AttemptFailed(code, failure, now);
        LogFailed(delivery.Id, delivery.EventType, delivery.Attempts, code);
        if (endpoint.Failed(options.Value.DisableAfterFailures, now))
        {
            LogDisabled(endpoint.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({EventType}) failed on attempt {Attempts} with status {StatusCode}")]
    private partial void LogFailed(Guid deliveryId, string eventType, int attempts, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} disabled after repeated failures")]
    private partial void LogDisabled(Guid endpointId);
}

/// <summary>The background job that runs <see cref="WebhookSender"/> on a timer.</summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : PeriodicJob<WebhookSender>(scopes, clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override bool Enabled => options.Value.Enabled;
}

public static class IntegrationServices
{
    /// <summary>Webhooks for every app that changes requests: the outbox step on every save, and the sender.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton<WebhookOutbox>();
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<WebhookOutbox>()));
        services.AddSingleton<WebhookAddresses>();
        services.AddScoped<WebhookSender>();
        // Redirects are never followed: a public address could otherwise hand the request on to a private one.
        services.AddHttpClient(HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddHostedService<WebhookDispatcher>();
        return services;
    }

    private const string HttpClientName = WebhookSender.HttpClientName;
}
