using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CancellationPortal.Domain.Notifications;

/// <summary>
/// Sends through SendGrid's v3 Mail Send API with the official client. SendGrid has no idempotency key, so the outbox
/// id travels as a custom argument: a delivery event names it, and a message sent twice after a timeout can be told
/// apart. 400/401/403/413 refuse the email for good; 429 waits as long as SendGrid asks; 5xx and timeouts try again later.
/// </summary>
public sealed class SendGridEmailSender(IHttpClientFactory httpClients, IOptions<EmailOptions> options, TimeProvider clock) : IEmailSender
{
    public const string HttpClientName = "SendGrid";

    public async Task<string?> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var settings = options.Value;
        var client = new SendGridClient(
            httpClients.CreateClient(HttpClientName),
            new SendGridClientOptions { ApiKey = settings.SendGrid.ApiKey, Host = settings.SendGrid.ApiBase.GetLeftPart(UriPartial.Authority) });
        Response response;
        try
        {
            response = await client.SendEmailAsync(Message(email, settings), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new EmailNotSentException($"SendGrid could not be reached or did not answer in time: {ex.Message}", permanent: false, innerException: ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response.Headers.TryGetValues("X-Message-Id", out var ids) ? ids.FirstOrDefault() : null;
        }

        var status = (int)response.StatusCode;
        var reason = $"SendGrid answered {status}: {await ErrorsAsync(response, cancellationToken).ConfigureAwait(false)}";
        throw response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => new EmailNotSentException(reason, permanent: false, RetryAfter(response)),
            _ when status >= 500 => new EmailNotSentException(reason, permanent: false),
            _ => new EmailNotSentException(reason, permanent: true),
        };
    }

    internal static SendGridMessage Message(OutgoingEmail email, EmailOptions settings)
    {
        var message = new SendGridMessage
        {
            From = new EmailAddress(settings.From, settings.FromName),
            Subject = email.Subject,

            // The client writes the text part before the HTML part, as SendGrid requires.
            PlainTextContent = email.Text,
            HtmlContent = email.Html,

            // Message-wide, so every event SendGrid reports about this email carries it.
            CustomArgs = new Dictionary<string, string> { [OutgoingEmail.IdArgument] = email.Id.ToString() },
        };
        message.AddTo(new EmailAddress(email.To, email.ToName));
        if (email.Category is { Length: > 0 } category)
        {
            message.AddCategory(category);
        }

        return message;
    }

    /// <summary>SendGrid's own words: the messages of its <c>errors</c> array, or the raw body when it is not that shape.</summary>
    private static async Task<string> ErrorsAsync(Response response, CancellationToken cancellationToken)
    {
        var body = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                return string.Join("; ", errors.EnumerateArray()
                    .Select(e => e.TryGetProperty("message", out var m) ? m.GetString() : null)
                    .Where(m => !string.IsNullOrEmpty(m)));
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape (a proxy's page): keep the start of what came back.
        }

        return body.Length > 300 ? body[..300] : body;
    }

    /// <summary>How long SendGrid asked us to wait: <c>Retry-After</c> seconds, or until <c>X-RateLimit-Reset</c> (epoch seconds).</summary>
    private TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
        {
            return delta;
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
