using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CancellationPortal.Domain.Persistence;

/// <summary>
/// Applies the versioned SQL scripts embedded under Persistence/Migrations/{Sqlite|Postgres}, in name order,
/// recording each in __SchemaMigrations. The whole run holds a database-wide lock (an advisory lock on
/// PostgreSQL, an immediate write transaction on SQLite), so two instances starting at once apply each
/// script exactly once.
/// </summary>
public sealed partial class DatabaseMigrator(AppDbContext db, ILogger<DatabaseMigrator> logger)
{
    private const long AdvisoryLockKey = 0x43414E43454C; // "CANCEL"

    public static IReadOnlyList<(string Version, string Sql)> Scripts(bool postgres)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Persistence.Migrations.{(postgres ? "Postgres" : "Sqlite")}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    /// <returns>The versions applied by this call.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var postgres = !db.IsSqlite;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!postgres)
            {
                // WAL lets the two apps read while one writes; the setting is stored in the database file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (postgres)
            {
                await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey});", cancellationToken);
            }

            await ExecuteAsync(
                connection,
                transaction,
                "CREATE TABLE IF NOT EXISTS \"__SchemaMigrations\" (\"Version\" varchar(150) NOT NULL PRIMARY KEY, \"AppliedAt\" varchar(40) NOT NULL);",
                cancellationToken);
            var applied = await AppliedAsync(connection, transaction, cancellationToken);
            var done = new List<string>();
            foreach (var (version, sql) in Scripts(postgres).Where(s => !applied.Contains(s.Version)))
            {
                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO \"__SchemaMigrations\" (\"Version\", \"AppliedAt\") VALUES (@v, @at);";
                AddParameter(record, "@v", version);
                AddParameter(record, "@at", DateTimeOffset.UtcNow.ToString("O"));
                await record.ExecuteNonQueryAsync(cancellationToken);
                done.Add(version);
                LogApplied(version);
            }

            await transaction.CommitAsync(cancellationToken);
            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT \"Version\" FROM \"__SchemaMigrations\";";
        var versions = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(reader.GetString(0));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // The SQL comes from scripts embedded in this assembly, never from input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version}")]
    private partial void LogApplied(string version);
}
