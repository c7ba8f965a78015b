using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CancellationPortal.BackOffice.Tests;

/// <summary>The back-office under test turns every EF Core warning into an exception, so a page running such a query fails its test.</summary>
[Collection(SqliteCollection.Name)]
public sealed class EfWarningsFailThePageTests(SqliteBackOffice app)
{
    [Fact]
    public async Task AnUnorderedPageOfRowsThrowsInTheApp()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => db.CancellationRequests.Take(5).ToListAsync());

        error.Message.ShouldContain("RowLimitingOperationWithoutOrderByWarning");
    }
}
