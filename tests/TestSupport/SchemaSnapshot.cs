using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.TestSupport;

/// <summary>A provider's catalog read into sorted lines (tables, columns, types, nullability, defaults, indexes).</summary>
public static class SchemaSnapshot
{
    private const string SqliteQuery = """
        SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk || ' default=' || IFNULL(p.dflt_value, '')
        FROM sqlite_master m JOIN pragma_table_info(m.name) p
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
        UNION ALL
        SELECT 'index ' || m.tbl_name || ' ' || REPLACE(REPLACE(m.sql, char(10), ' '), '  ', ' ')
        FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL
        UNION ALL
        SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || f."to" || ' ondelete=' || f.on_delete
        FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
        """;

    private const string PostgresQuery = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
               || COALESCE(' p' || numeric_precision || ',' || numeric_scale, '') || ' nullable=' || is_nullable || ' default=' || COALESCE(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public'
        UNION ALL
        SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'
        UNION ALL
        SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
        """;

    public static async Task<List<string>> ReadAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = database.Provider == Provider.Postgres ? PostgresQuery : SqliteQuery;
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
