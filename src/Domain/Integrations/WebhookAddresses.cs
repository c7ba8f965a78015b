using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CancellationPortal.Domain.Integrations;

public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Allow http:// and addresses on this machine or a private network. Only for trying the product out
    /// locally: otherwise anyone who may register an endpoint could make the server call inside the network (SSRF).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Failed attempts in a row after which an endpoint is disabled.</summary>
    public int DisableAfterFailures { get; set; } = 20;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run the sender in this process. Turned off in tests that deliver by hand.</summary>
    public bool Enabled { get; set; } = true;
}

/// <summary>Which addresses webhooks may be sent to: public https only, checked on registration and again on every send.</summary>
public sealed class WebhookAddresses(IOptions<WebhookOptions> options)
{
    /// <returns>Why the address is refused, or null when it may be used.</returns>
    public string? ProblemWith(string? text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(url.UserInfo))
        {
            return "Enter a full https:// address, without a user name or password.";
        }

        if (options.Value.AllowPrivateNetworks)
        {
            return null;
        }

        if (url.Scheme != "https")
        {
            return "Webhooks go to https:// addresses only.";
        }

        return url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var ip) && IsPrivate(ip))
            ? "This address is on this machine or a private network: webhooks go to public addresses only."
            : null;
    }

    /// <summary>The addresses a host name resolves to, refused when any is private: DNS can change after registration.</summary>
    public async Task<string?> ProblemWithResolvedAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (ProblemWith(url.ToString()) is { } problem)
        {
            return problem;
        }

        if (options.Value.AllowPrivateNetworks)
        {
            return null;
        }

        var addresses = IPAddress.TryParse(url.DnsSafeHost, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.DnsSafeHost, cancellationToken);
        return addresses.Length == 0 || addresses.Any(IsPrivate)
            ? "The address resolves to this machine or a private network: webhooks go to public addresses only."
            : null;
    }

    private static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast)
        {
            return true;
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        return b[0] is 0 or 10 or 127 or >= 224
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168);
    }
}
