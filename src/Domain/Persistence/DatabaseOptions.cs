namespace CancellationPortal.Domain.Persistence;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (embedded default) or Postgres.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for Postgres. For SQLite, defaults to a file in <see cref="DataFolder"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the SQLite file lives; both apps must point at the same folder.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Apply pending schema migrations when an app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Every EF Core warning (a paged query without an order, ...) throws instead of being logged, so it is fixed
    /// where it is written. On in tests and Development; off in production, where a warning must not become a 500.
    /// </summary>
    public bool FailOnWarnings { get; set; }

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string ResolveSqliteConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        var folder = Path.GetFullPath(DataFolder);
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "cancellationportal.db")};Default Timeout=30";
    }
}
