using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CancellationPortal.Domain.Refunds.Stripe;

public enum SignatureCheck
{
    Valid,
    Missing,
    Malformed,
    Mismatch,
    Stale,
}

/// <summary>
/// Stripe's webhook signature: header "t=&lt;unix seconds&gt;,v1=&lt;hex&gt;[,v1=...]", each v1 an HMAC-SHA256 of
/// "{t}.{raw body}" keyed with the whole whsec_... secret. Several v1 values appear while a secret is rolled.
/// </summary>
public static class StripeSignature
{
    public static SignatureCheck Verify(string? header, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrWhiteSpace(header) || string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.Missing;
        }

        string? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                continue;
            }

            var key = part[..separator];
            var value = part[(separator + 1)..];
            if (key == "t")
            {
                timestamp = value;
            }
            else if (key == "v1" && TryFromHex(value, out var signature))
            {
                signatures.Add(signature);
            }
        }

        if (timestamp is null || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signatures.Count == 0)
        {
            return SignatureCheck.Malformed;
        }

        var expected = Compute(timestamp, body, secret);

        // Constant-time: how much of a guess matched must not show in the response time.
        if (!signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
        {
            return SignatureCheck.Mismatch;
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return (now - signedAt).Duration() > tolerance ? SignatureCheck.Stale : SignatureCheck.Valid;
    }

    /// <summary>The header Stripe would send for this body at this time: for local tools and tests posting events.</summary>
    public static string Header(ReadOnlySpan<byte> body, string secret, DateTimeOffset signedAt)
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Compute(timestamp, body, secret))}";
    }

    private static byte[] Compute(string timestamp, ReadOnlySpan<byte> body, string secret)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
    }

    private static bool TryFromHex(string hex, out byte[] bytes)
    {
        bytes = [];
        if (hex.Length != 64)
        {
            return false;
        }

        try
        {
            bytes = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
