using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CancellationPortal.BackOffice.Tests.Support;

/// <summary>Signs event batches as SendGrid does (ECDSA P-256 over timestamp + body), with a key pair made for this test run.</summary>
public static class SendGridSigning
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    /// <summary>The verification key as SendGrid's settings page shows it: the public key, base64 of its DER form.</summary>
    public static string VerificationKey { get; } = Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());

    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, string body, ECDsa? key = null) =>
        Convert.ToBase64String((key ?? Key).SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}
