using System.Data.Common;
using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.Logging.Abstractions;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// Steps stored before they had a kind and a number get both from the migration: the kind from the words the step
/// was written with, the number from its time and, for steps of one instant, from where it falls in a request's life.
/// </summary>
public abstract class AuditStepsWrittenBeforeTheyWereNumbered(Provider provider)
{
    private static readonly DateTimeOffset Requested = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Settled = Requested.AddHours(3);

    [Fact]
    public async Task GetTheirKindAndTheOrderTheyHappenedIn()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var orderId = Guid.NewGuid();
        var requestId = Guid.NewGuid();
        await using (var db = database.CreateContext())
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await ExecuteAsync(connection, "CREATE TABLE \"__SchemaMigrations\" (\"Version\" varchar(150) NOT NULL PRIMARY KEY, \"AppliedAt\" varchar(40) NOT NULL);");
            await ExecuteAsync(connection, "INSERT INTO \"__SchemaMigrations\" VALUES ('0001_initial', '2026-10-01T00:00:00Z');");
            await ExecuteAsync(connection, DatabaseMigrator.Scripts(Postgres).Single(s => s.Version == "0001_initial").Sql);
            await ExecuteAsync(
                connection,
                """
                INSERT INTO "Orders" ("Id", "Number", "CustomerId", "CustomerEmail", "CustomerName", "PlacedAt", "Currency", "Subtotal", "Shipping", "Discount", "Total", "AmountPaid", "PointsRedeemed", "PaymentMethod", "FulfillmentStatus", "SupplierStatus", "IsCanceled", "IsDisputed", "Version")
                VALUES (@order, '70001', 'customer-1', 'sam@example.com', 'Sam Shopper', @requested, 'EUR', 40, 0, 0, 40, 40, 0, 'Card', 'Unfulfilled', 'None', @yes, @no, 3);
                INSERT INTO "CancellationRequests" ("Id", "OrderId", "Status", "RequestedByKind", "RequestedById", "RequestedByName", "Source", "RequestedAt", "HasFailedRefund", "LastChangedByName", "LastChangedAt", "Version")
                VALUES (@request, @order, 'Canceled', 'Shopper', 'customer-1', 'Sam Shopper', 'portal', @requested, @no, 'Sue Support', @settled, 3);
                """,
                ("@order", Id(orderId)),
                ("@request", Id(requestId)),
                ("@requested", At(Requested)),
                ("@settled", At(Settled)),
                ("@yes", Bool(true)),
                ("@no", Bool(false)));

            // Stored in an order of their own, as rows of one instant come back from a table.
            foreach (var (action, at, from, to) in new[]
            {
                ("Credit note issued", Settled, "Canceled", "Canceled"),
                ("Canceled", Settled, "InProgress", "Canceled"),
                ("Card refund succeeded", Settled, "InProgress", "InProgress"),
                ("Cancellation requested", Requested, null, "Requested"),
                ("Accepted", Requested.AddHours(1), "Requested", "InProgress"),
            })
            {
                await ExecuteAsync(
                    connection,
                    """
                    INSERT INTO "AuditEntries" ("Id", "RequestId", "OrderId", "At", "ActorKind", "ActorId", "ActorName", "Action", "FromStatus", "ToStatus", "Note")
                    VALUES (@id, @request, @order, @at, 'Staff', 'staff-1', 'Sue Support', @action, @from, @to, NULL);
                    """,
                    ("@id", Id(Guid.NewGuid())),
                    ("@request", Id(requestId)),
                    ("@order", Id(orderId)),
                    ("@at", At(at)),
                    ("@action", action),
                    ("@from", (object?)from ?? DBNull.Value),
                    ("@to", to));
            }

            (await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync()).ShouldContain("0002_audit_sequence");
        }

        await using var check = database.CreateContext();
        var request = await check.CancellationRequests.Include(r => r.AuditEntries).SingleAsync(r => r.Id == requestId);
        request.AuditEntries.OrderBy(a => a.Sequence).Select(a => (a.Sequence, a.Kind)).ShouldBe([
            (1L, AuditKind.Requested),
            (2L, AuditKind.Accepted),
            (3L, AuditKind.CardRefundSucceeded),
            (4L, AuditKind.Canceled),
            (5L, AuditKind.CreditNoteIssued),
        ]);
        request.AuditSequence.ShouldBe(5);

        // The next step written after the migration continues the numbering.
        request.Note(Actor.Staff("staff-1", "Sue Support"), Settled.AddDays(1), AuditKind.StaffNote, "Shopper called");
        await check.SaveChangesAsync();
        (await check.AuditEntries.AsNoTracking().Where(a => a.RequestId == requestId).MaxAsync(a => a.Sequence)).ShouldBe(6);
    }

    private bool Postgres => provider == Provider.Postgres;

    // The first schema's storage: SQLite keeps ids as upper-case text, instants as sortable integers, flags as 0/1.
    private object Id(Guid id) => Postgres ? id : id.ToString().ToUpperInvariant();

    private object At(DateTimeOffset at) => Postgres ? at : new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    private object Bool(bool value) => Postgres ? value : value ? 1 : 0;

    private static async Task ExecuteAsync(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The SQL is the test's own or an embedded migration script.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        await command.ExecuteNonQueryAsync();
    }
}

public sealed class AuditStepsWrittenBeforeTheyWereNumberedOnSqlite() : AuditStepsWrittenBeforeTheyWereNumbered(Provider.Sqlite);

public sealed class AuditStepsWrittenBeforeTheyWereNumberedOnPostgres() : AuditStepsWrittenBeforeTheyWereNumbered(Provider.Postgres);
