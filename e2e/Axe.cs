using System.Text.Json;
using Microsoft.Playwright;

namespace CancellationPortal.E2E;

/// <summary>One axe-core finding: the rule, how bad it is, what it asks for and the elements that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, string HelpUrl, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help}\n      at {string.Join("\n      at ", Targets)}";
}

/// <summary>
/// axe-core, installed from the npm registry by ./test.sh (npm ci in e2e/, pinned by its package-lock.json), injected
/// into a page and run on it.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Script = new(() =>
    {
        var file = Path.Combine(SiteMap.RepositoryRoot, "e2e", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(file)
            ? File.ReadAllText(file)
            : throw new FileNotFoundException($"axe-core is not installed ({file} is missing): run `npm ci` in e2e/ (./test.sh does).", file);
    });

    /// <summary>The serious and critical violations on the page as it is now.</summary>
    public static async Task<IReadOnlyList<AxeViolation>> SeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.AddScriptTagAsync(new() { Content = Script.Value });
        var found = await page.EvaluateAsync<JsonElement>("""
            async () => {
                const result = await axe.run(document, { resultTypes: ["violations"] });
                return result.violations
                    .filter(v => v.impact === "serious" || v.impact === "critical")
                    .map(v => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map(n => n.target.join(" ") + "  " + (n.failureSummary || "").replace(/\s+/g, " ")) }));
            }
            """);
        return [.. found.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("id").GetString()!,
            v.GetProperty("impact").GetString()!,
            v.GetProperty("help").GetString()!,
            v.GetProperty("helpUrl").GetString()!,
            [.. v.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!)]))];
    }
}
