using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Options;
using Sdk = Stripe;

// In the hosting namespace, beside the apps' other start-up extensions, so Program.cs needs no new using.
namespace CancellationPortal.Domain.Hosting;

/// <summary>POST /webhooks/stripe: anonymous (Stripe signs instead of signing in), no antiforgery token.</summary>
public static partial class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    public static RouteHandlerBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> ReceiveAsync(
        HttpContext context,
        [FromServices] IOptions<StripeOptions> options,
        [FromServices] TimeProvider clock,
        [FromServices] StripeWebhookHandler handler,
        [FromServices] ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(StripeWebhookEndpoint));
        var cancellationToken = context.RequestAborted;

        // The signature covers the body as sent: read it whole before anything parses it.
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(cancellationToken);
        }

        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.WebhookSecret))
        {
            LogRejected(logger, "no webhook secret is configured");
            return Results.Text("Signature check failed: no webhook secret is configured.", statusCode: StatusCodes.Status400BadRequest);
        }

        StripeEvent stripeEvent;
        try
        {
            // Stripe.net checks every v1 signature against the secret and the signed time against our clock,
            // then refuses events written for another API version than the one we pin.
            stripeEvent = StripeEvent.From(Sdk.EventUtility.ConstructEvent(
                body,
                context.Request.Headers["Stripe-Signature"].ToString(),
                settings.WebhookSecret,
                (long)settings.WebhookTolerance.TotalSeconds,
                clock.GetUtcNow().ToUnixTimeSeconds(),
                throwOnApiVersionMismatch: true));
        }
        catch (Sdk.StripeException ex)
        {
            // A missing, wrong or stale signature, or an event for another API version: Stripe.net says which.
            LogRejected(logger, ex.Message);
            return Results.Text($"Event refused: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
        }
        catch (JsonException)
        {
            LogMalformed(logger);
            return Results.Text("Not a Stripe event.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var outcome = await handler.HandleAsync(stripeEvent, cancellationToken);
            return Results.Text(outcome.ToString());
        }
        catch (FormatException)
        {
            // data.object does not have the shape its event type promises.
            LogMalformed(logger);
            return Results.Text("Not a Stripe event.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: the signed body is not a Stripe event")]
    private static partial void LogMalformed(ILogger logger);
}
