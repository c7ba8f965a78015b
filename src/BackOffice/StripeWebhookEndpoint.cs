using System.Text;
using CancellationPortal.Domain.Refunds.Stripe;
using Microsoft.AspNetCore.Mvc;

namespace CancellationPortal.BackOffice;

/// <summary>POST /webhooks/stripe: anonymous (Stripe signs instead of signing in), no antiforgery token.</summary>
public static class StripeWebhookEndpoint
{
    public const string Path = "/webhooks/stripe";

    public static RouteHandlerBuilder MapStripeWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> ReceiveAsync(HttpContext context, [FromServices] StripeWebhookHandler handler)
    {
        // The signature covers the body as sent: read it whole, as text, before anything parses it.
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var receipt = await handler.ReceiveAsync(body, context.Request.Headers["Stripe-Signature"].ToString(), context.RequestAborted);
        return receipt.IsRefused
            ? Results.Text(receipt.Refusal, statusCode: StatusCodes.Status400BadRequest)
            : Results.Text(receipt.Outcome.ToString());
    }
}
