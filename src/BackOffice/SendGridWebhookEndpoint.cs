using System.Text;
using CancellationPortal.Domain.Notifications;
using Microsoft.AspNetCore.Mvc;

namespace CancellationPortal.BackOffice;

/// <summary>POST /webhooks/sendgrid: SendGrid's Event Webhook; anonymous (SendGrid signs instead of signing in), no antiforgery token.</summary>
public static class SendGridWebhookEndpoint
{
    public const string Path = "/webhooks/sendgrid";

    public static RouteHandlerBuilder MapSendGridWebhook(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> ReceiveAsync(HttpContext context, [FromServices] SendGridEventWebhook webhook)
    {
        // The signature covers the body as sent: read it whole, as text, before anything parses it.
        string body;
        using (var reader = new StreamReader(context.Request.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var headers = context.Request.Headers;
        var receipt = await webhook.ReceiveAsync(body, headers[SendGridEventWebhook.SignatureHeader], headers[SendGridEventWebhook.TimestampHeader], context.RequestAborted);
        return receipt.IsRefused
            ? Results.Text(receipt.Refusal, statusCode: StatusCodes.Status400BadRequest)
            : Results.Text($"{receipt.Recorded} recorded");
    }
}
