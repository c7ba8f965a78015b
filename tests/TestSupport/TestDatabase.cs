using CancellationPortal.Domain;
using CancellationPortal.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CancellationPortal.TestSupport;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// A throwaway database for one test class: a temp SQLite file, or a fresh database on the PostgreSQL
/// server named by TEST_POSTGRES (./test.sh starts one). Without TEST_POSTGRES the PostgreSQL tests fail
/// with a clear message instead of being skipped.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _databaseName;
    private readonly string? _sqliteFile;

    private TestDatabase(Provider provider, string connectionString, string? postgresAdmin, string? databaseName, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _databaseName = databaseName;
        _sqliteFile = sqliteFile;
    }

    public Provider Provider { get; }
    public string ConnectionString { get; }

    public DatabaseOptions Options => new()
    {
        Provider = Provider.ToString(),
        ConnectionString = ConnectionString,
        MigrateOnStartup = true,
        FailOnWarnings = true,
    };

    /// <summary>Configuration keys an app host needs to use this database.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Database:Provider", Provider.ToString()),
        new("Database:ConnectionString", ConnectionString),
        new("Database:FailOnWarnings", "true"),
    ];

    public static string PostgresAdminConnectionString =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"PostgreSQL tests need a server: set {PostgresVariable} to an admin connection string, or run ./test.sh, which starts one.");

    public static async Task<TestDatabase> CreateAsync(Provider provider, bool migrate = true)
    {
        TestDatabase database;
        if (provider == Provider.Postgres)
        {
            var admin = PostgresAdminConnectionString;
            var name = $"cp_test_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            database = new TestDatabase(provider, builder.ConnectionString, admin, name, null);
        }
        else
        {
            var folder = Path.Combine(Path.GetTempPath(), "cancellationportal-tests");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
            database = new TestDatabase(provider, $"Data Source={file};Default Timeout=30", null, null, file);
        }

        if (migrate)
        {
            await using var db = database.CreateContext();
            await new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        }

        return database;
    }

    public AppDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DomainServiceCollectionExtensions.ConfigureDatabase(builder, Options);
        return new AppDbContext(builder.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
