using CancellationPortal.Portal.Tests.Support;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Portal.Tests;

/// <summary>The portal under test turns every EF Core warning into an exception, so a page running such a query fails its test.</summary>
public sealed class EfWarningsFailThePageTests : IAsyncLifetime
{
    private PortalApp _app = null!;

    public async Task InitializeAsync() => _app = await PortalApp.StartAsync(Provider.Sqlite);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AnUnorderedPageOfRowsThrowsInTheApp()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(() => _app.WithDbAsync(db => db.Orders.Skip(1).Take(5).ToListAsync()));

        error.Message.ShouldContain("RowLimitingOperationWithoutOrderByWarning");
    }
}
