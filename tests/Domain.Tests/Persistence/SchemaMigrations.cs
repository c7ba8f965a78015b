using CancellationPortal.Domain.Persistence;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CancellationPortal.Domain.Tests.Persistence;

/// <summary>
/// The migration scripts must build exactly the schema the EF model expects: a database built from them
/// is compared, table by table, column by column and index by index, with one EF creates from the model.
/// </summary>
public abstract class SchemaMigrations(Provider provider)
{
    [Fact]
    public async Task TheMigrationsBuildTheSchemaTheModelExpects()
    {
        await using var migrated = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var fromModel = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var db = fromModel.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        var expected = await SchemaSnapshot.ReadAsync(fromModel);
        var actual = await SchemaSnapshot.ReadAsync(migrated);

        actual.Where(l => !l.Contains("__SchemaMigrations", StringComparison.Ordinal)).ShouldBe(expected);
        expected.Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task MigratingTwiceAppliesNothingTheSecondTime()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: true);
        await using var db = database.CreateContext();

        var applied = await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

        applied.ShouldBeEmpty();
    }

    [Fact]
    public async Task TwoInstancesMigratingAtOnceApplyEachScriptOnce()
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = database.CreateContext();
            return await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }));

        runs.SelectMany(r => r).ShouldBe(DatabaseMigrator.Scripts(provider == Provider.Postgres).Select(s => s.Version), ignoreOrder: true);
        await using var check = database.CreateContext();
        (await check.StoreSettings.CountAsync()).ShouldBe(1);
    }
}

public sealed class SchemaMigrationsOnSqlite() : SchemaMigrations(Provider.Sqlite);

public sealed class SchemaMigrationsOnPostgres() : SchemaMigrations(Provider.Postgres);
