using Microsoft.Playwright;

namespace CancellationPortal.E2E;

/// <summary>
/// What a browser test must never see: an error written to the browser console, a script error, or an asset (style
/// sheet, script, image, font) that failed to load. A page answered 4xx is what some tests ask for (a refused form,
/// an unknown address) and is checked by the tests themselves; a page answered 5xx never is.
/// </summary>
public sealed class BrowserProblems
{
    private readonly List<string> _problems = [];

    public void Watch(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Console += (_, message) =>
        {
            // A failed load is also reported as a console error; the request events below judge those.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                Add($"console error on {page.Url}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add($"script error on {page.Url}: {error}");
        page.RequestFailed += (_, request) =>
        {
            if (request.ResourceType != "document")
            {
                Add($"{request.ResourceType} {request.Url} failed to load on {page.Url}: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            var isPage = response.Request.ResourceType == "document";
            if (response.Status >= 500 || (!isPage && response.Status >= 400))
            {
                Add($"{response.Request.ResourceType} {response.Url} answered {response.Status} on {page.Url}");
            }
        };
    }

    /// <summary>Everything seen since the last call, and a clean slate for the next test.</summary>
    public IReadOnlyList<string> Take()
    {
        lock (_problems)
        {
            var seen = _problems.ToList();
            _problems.Clear();
            return seen;
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}

/// <summary>
/// The base of every browser test: pages come from the shared store, and a test fails when any page it opened showed a
/// console error, a script error or a failed asset, whatever the test itself checked.
/// </summary>
public abstract class BrowserTest(StoreFixture store) : IAsyncLifetime
{
    protected StoreFixture Store { get; } = store;

    /// <summary>A fresh browser context (its own cookies) with a page, watched for problems.</summary>
    protected Task<IPage> NewPageAsync(int width = 1280, int height = 900) => Store.NewPageAsync(width, height);

    public Task InitializeAsync()
    {
        // Whatever an earlier test left behind is that test's to answer for.
        Store.TakeBrowserProblems();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        var problems = await Store.CloseBrowserContextsAsync();
        problems.ShouldBeEmpty("The browser reported problems:\n" + string.Join("\n", problems));
    }
}
