using System.Security.Cryptography;
using System.Text;

namespace CancellationPortal.Domain.Integrations;

/// <summary>What an API key may do. A store's shop platform gets only the scopes it needs.</summary>
public static class ApiScopes
{
    public const string OrdersWrite = "orders:write";
    public const string CancellationsRead = "cancellations:read";
    public const string CancellationsWrite = "cancellations:write";
    public const string StockWrite = "stock:write";

    public static readonly IReadOnlyList<string> All = [OrdersWrite, CancellationsRead, CancellationsWrite, StockWrite];
}

/// <summary>
/// A key a shop platform signs its API calls with. Only a hash of the secret is stored: the key itself is shown
/// once, when it is created, and a leaked database does not leak working keys.
/// </summary>
public sealed class ApiKey
{
    private const string TokenStart = "cpk_";

    private ApiKey()
    {
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The key's public first part: finds the row, and lets staff tell keys apart without the secret.</summary>
    public string Prefix { get; private set; } = "";

    public string SecretHash { get; private set; } = "";

    /// <summary>The granted scopes, separated by spaces.</summary>
    public string Scopes { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    public bool IsRevoked => RevokedAt is not null;

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <returns>The key and the token to show once; the token is never stored.</returns>
    public static (ApiKey Key, string Token) Create(string name, IEnumerable<string> scopes, string createdByName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var granted = scopes.Where(ApiScopes.All.Contains).Distinct(StringComparer.Ordinal).ToList();
        if (granted.Count == 0)
        {
            throw new ArgumentException("A key needs at least one scope.", nameof(scopes));
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var token = $"{TokenStart}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(token),
            Scopes = string.Join(' ', granted),
            CreatedAt = now,
            CreatedByName = createdByName,
        };
        return (key, token);
    }

    /// <summary>The prefix part of a token as a caller sent it, or null when it is not shaped like a key.</summary>
    public static string? PrefixOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var parts = token.Split('_', 3);
        return parts.Length == 3 && token.StartsWith(TokenStart, StringComparison.Ordinal) && parts[1].Length == 12 ? parts[1] : null;
    }

    /// <summary>True when the token is this key's, compared in constant time.</summary>
    public bool Matches(string token) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(Hash(token)));

    public bool Allows(string scope) => !IsRevoked && ScopeList.Contains(scope, StringComparer.Ordinal);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    // The secret is 256 random bits: a fast hash is enough, a slow password hash would only slow every call.
    private static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
