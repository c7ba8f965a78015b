using System.Text.RegularExpressions;

namespace CancellationPortal.E2E;

/// <summary>Who opens a page in the sweep: nobody signed in, the demo shopper (portal) or the demo admin (back-office).</summary>
public enum Visitor
{
    Anonymous,
    SignedIn,
}

/// <summary>One page of an app as the sweep opens it: its route (the screenshot's name) and the address with its values.</summary>
public sealed record SitePage(string App, string Route, string Url, Visitor Visitor);

/// <summary>
/// Every page of both apps, read from their page files (and, for the portal, the Identity UI pages the package serves),
/// so a page added later is swept too. Route values come from the demo data; the few pages that need a query get it here.
/// </summary>
public static partial class SiteMap
{
    /// <summary>
    /// The pages Microsoft.AspNetCore.Identity.UI serves under /Identity when the portal has no file of its own for them
    /// (the two pages for signing in through another service answer 404 and are left out).
    /// </summary>
    private static readonly string[] IdentityUiPages =
    [
        "Account/AccessDenied", "Account/ConfirmEmail", "Account/ConfirmEmailChange", "Account/ForgotPassword",
        "Account/ForgotPasswordConfirmation", "Account/Lockout", "Account/Login", "Account/LoginWith2fa", "Account/LoginWithRecoveryCode",
        "Account/Logout", "Account/Register", "Account/RegisterConfirmation", "Account/ResendEmailConfirmation", "Account/ResetPassword",
        "Account/ResetPasswordConfirmation", "Account/Manage/ChangePassword", "Account/Manage/DeletePersonalData", "Account/Manage/Disable2fa",
        "Account/Manage/DownloadPersonalData", "Account/Manage/Email", "Account/Manage/EnableAuthenticator",
        "Account/Manage/GenerateRecoveryCodes", "Account/Manage/Index", "Account/Manage/PersonalData", "Account/Manage/ResetAuthenticator",
        "Account/Manage/SetPassword", "Account/Manage/ShowRecoveryCodes", "Account/Manage/TwoFactorAuthentication",
    ];

    /// <summary>Pages that show their content only with a query; without it they would show something else.</summary>
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["Portal /StatusCode"] = "code=404",
        ["Portal /Identity/Account/ResetPassword"] = "code=c2FtcGxl",
        ["BackOffice /StatusCode"] = "code=404",
        ["BackOffice /Orders/Cancel"] = "number={number}",
        ["BackOffice /Admin/Emails"] = "preview=canceled&currency=EUR",
    };

    public static IReadOnlyList<SitePage> Pages(string app, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var source = Path.Combine(RepositoryRoot, "src", app);
        var routes = PageFiles(Path.Combine(source, "Pages"), prefix: "").ToList();
        var identity = Path.Combine(source, "Areas", "Identity", "Pages");
        if (Directory.Exists(identity))
        {
            routes.AddRange(PageFiles(identity, prefix: "/Identity"));
        }

        if (app == "Portal")
        {
            routes.AddRange(IdentityUiPages.Select(p => "/Identity/" + p.Replace("/Index", "", StringComparison.Ordinal)));
        }

        return [.. routes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(route =>
        {
            var url = Parameter().Replace(route, m => Uri.EscapeDataString(values[m.Groups["name"].Value]));
            if (Queries.TryGetValue($"{app} {route}", out var query))
            {
                url += "?" + Parameter().Replace(query, m => Uri.EscapeDataString(values[m.Groups["name"].Value]));
            }

            return new SitePage(app, route, url, VisitorOf(app, route));
        })];
    }

    /// <summary>The repository this test assembly was built in (e2e/bin/{configuration}/{framework}).</summary>
    public static string RepositoryRoot => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Parent!.Parent!.Parent!.FullName;

    /// <summary>Signed-in pages are opened signed in; the sign-in pages and the error pages by nobody.</summary>
    private static Visitor VisitorOf(string app, string route) => app switch
    {
        "Portal" => route.StartsWith("/Account/", StringComparison.Ordinal) || route.StartsWith("/Identity/Account/Manage", StringComparison.Ordinal) ? Visitor.SignedIn : Visitor.Anonymous,
        _ => route is "/Account/Login" or "/Account/AccessDenied" or "/Account/Logout" or "/Error" or "/StatusCode" ? Visitor.Anonymous : Visitor.SignedIn,
    };

    /// <summary>The route of every file with a @page directive: its own template, or its path (Index standing for its folder).</summary>
    private static IEnumerable<string> PageFiles(string folder, string prefix)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.cshtml", SearchOption.AllDirectories))
        {
            var directive = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("@page", StringComparison.Ordinal));
            if (directive is null)
            {
                continue;
            }

            var template = PageTemplate().Match(directive);
            if (template.Success && template.Groups["template"].Value.StartsWith('/'))
            {
                yield return prefix + template.Groups["template"].Value;
                continue;
            }

            var path = "/" + Path.GetRelativePath(folder, file)[..^".cshtml".Length].Replace('\\', '/');
            path = path.EndsWith("/Index", StringComparison.Ordinal) ? path[..^"/Index".Length] : path;
            yield return prefix + (path.Length == 0 ? "/" : path) + (template.Success ? "/" + template.Groups["template"].Value : "");
        }
    }

    [GeneratedRegex("""^@page\s+"(?<template>[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex PageTemplate();

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}]*)?\}")]
    private static partial Regex Parameter();
}
