using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.Web;

/// <summary>
/// The address people reach an app at (<c>Portal:PublicUrl</c>, <c>BackOffice:PublicUrl</c>). Links in emails are
/// built from it, never from a request's Host header: anyone can send any Host, and a reset link pointing at their
/// server hands them the account.
/// </summary>
public sealed class PublicUrl
{
    private readonly string _root;

    public PublicUrl(Uri root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Root = root;
        _root = root.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    public Uri Root { get; }

    /// <summary>An absolute link to a path of the app, such as one <c>Url.Page</c> returns (with its query string).</summary>
    public string Link(string appPath)
    {
        ArgumentNullException.ThrowIfNull(appPath);
        return _root + "/" + appPath.TrimStart('/');
    }
}

public static class PublicUrlServiceCollectionExtensions
{
    /// <summary>
    /// Registers the app's <see cref="PublicUrl"/> from <c>{app}:PublicUrl</c> (or <paramref name="defaultUrl"/>) and
    /// serves only its host unless <c>AllowedHosts</c> says otherwise, so a forged Host header is refused before any page runs.
    /// </summary>
    public static IServiceCollection AddPublicUrl(this IServiceCollection services, IConfiguration configuration, string app, string defaultUrl)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var setting = $"{app}:PublicUrl";
        var value = configuration[setting] is { Length: > 0 } configured ? configured : defaultUrl;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var root) || (root.Scheme != Uri.UriSchemeHttp && root.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{setting} must be an absolute http or https address, such as https://shop.example (it is '{value}').");
        }

        services.AddSingleton(new PublicUrl(root));
        services.Configure<HostFilteringOptions>(options =>
        {
            var allowed = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            options.AllowedHosts = allowed is { Length: > 0 } ? allowed : [root.Host];
        });
        return services;
    }
}
