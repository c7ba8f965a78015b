using System.Security.Cryptography;
using System.Text;

namespace CancellationPortal.Domain.Integrations;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256 with the endpoint's secret over "id.timestamp.body", sent as
/// "v1,&lt;base64&gt;" in webhook-signature beside webhook-id and webhook-timestamp (Unix seconds).
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, signed));
    }
}
