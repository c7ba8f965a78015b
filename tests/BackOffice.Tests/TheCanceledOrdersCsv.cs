using System.Net;
using CancellationPortal.BackOffice.Tests.Support;
using CancellationPortal.Domain.Integrations;

namespace CancellationPortal.BackOffice.Tests;

public abstract class TheCanceledOrdersCsv(BackOfficeApp app) : PageTest(app)
{
    [Fact]
    public async Task ACanceledOrderIsARowWithItsReasonsRefundAndStaffAndOpenRequestsAreNot()
    {
        var canceled = await App.SeedAsync();
        var open = await App.SeedAsync();
        var staff = await StaffAsync();
        await AcceptAsync(staff, canceled);
        await staff.FollowAsync(await CompleteAsync(staff, canceled, Decision("StoreCredit")));
        var client = App.ApiClient(await App.CreateKeyAsync(ApiScopes.CancellationsRead));

        var response = await client.GetAsync("/api/v1/cancellations.csv");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        lines[0].ShouldBe(CanceledOrdersLog.Header);
        var row = lines.Single(l => l.StartsWith(canceled.Number + ",", StringComparison.Ordinal));
        row.ShouldEndWith(",Changed my mind,Customer request,65.00,EUR," + BackOfficeApp.Support);
        lines.ShouldNotContain(l => l.StartsWith(open.Number + ",", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCsvNeedsAKeyThatMayReadCancellations()
    {
        await (await App.ApiClient(null).GetAsync("/api/v1/cancellations.csv")).ProblemAsync(HttpStatusCode.Unauthorized);
        await (await App.ApiClient(await App.CreateKeyAsync(ApiScopes.StockWrite)).GetAsync("/api/v1/cancellations.csv")).ProblemAsync(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TheCanceledOrdersCsvOnSqlite(SqliteBackOffice app) : TheCanceledOrdersCsv(app);

[Collection(PostgresCollection.Name)]
public sealed class TheCanceledOrdersCsvOnPostgres(PostgresBackOffice app) : TheCanceledOrdersCsv(app);
