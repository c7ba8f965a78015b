using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.Extensions.Options;

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

        // The signature covers the raw bytes as sent: read them before anything parses the body.
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }

        var settings = options.Value;
        var check = StripeSignature.Verify(
            context.Request.Headers["Stripe-Signature"].ToString(),
            body,
            settings.WebhookSecret,
            clock.GetUtcNow(),
            settings.WebhookTolerance);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, check);
            return Results.Text($"Signature check failed: {check}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var stripeEvent = StripeEvent.TryParse(body);
        if (stripeEvent is null)
        {
            LogMalformed(logger);
            return Results.Text("Not a Stripe event.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var outcome = await handler.HandleAsync(stripeEvent, cancellationToken);
            return Results.Text(outcome.ToString());
        }
        catch (JsonException)
        {
            // data.object does not have the shape its event type promises.
            LogMalformed(logger);
            return Results.Text("Not a Stripe event.", statusCode: StatusCodes.Status400BadRequest);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: signature {Check}")]
    private static partial void LogRejected(ILogger logger, SignatureCheck check);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stripe webhook refused: the signed body is not a Stripe event")]
    private static partial void LogMalformed(ILogger logger);
}
