using System.Data.Common;
using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CancellationPortal.Domain.Reports;

/// <summary>
/// The few SQL expressions the reports need that the two databases write differently: amounts summed exactly,
/// minutes between two instants, and the day of an instant in the store's time zone. SQLite keeps instants as
/// sortable integers (see <see cref="AppDbContext"/>) and knows no time zones, so its day is computed from the
/// zone's UTC offsets over the period, which C# knows.
/// </summary>
internal sealed class ReportSql
{
    /// <summary>SQLite instants count 1/10,000 of a second since 0001-01-01 in their upper bits.</summary>
    private const long SqliteUnitsPerSecond = 10_000;

    /// <summary>Amounts are summed as whole ten-thousandths (the model's precision), so no sum is ever rounded.</summary>
    public const decimal AmountScale = 10_000m;

    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private readonly DbConnection _connection;
    private readonly List<DbParameter> _parameters = [];

    public ReportSql(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        IsSqlite = db.IsSqlite;
        _connection = db.Database.GetDbConnection();
    }

    public bool IsSqlite { get; }

    public IReadOnlyList<DbParameter> Parameters => _parameters;

    /// <summary>A parameter holding a value; an instant is written as the provider stores it.</summary>
    public string Parameter(object value)
    {
        var parameter = _connection.CreateCommand().CreateParameter();
        parameter.ParameterName = $"@r{_parameters.Count.ToString(CultureInfo.InvariantCulture)}";
        parameter.Value = value is DateTimeOffset at && IsSqlite ? SqliteTime.ConvertToProvider(at.ToUniversalTime())! : value;
        _parameters.Add(parameter);
        return parameter.ParameterName;
    }

    /// <summary>The exact sum of an amount column, in ten-thousandths, as a 64-bit integer.</summary>
    public string SumUnits(string amount) => IsSqlite
        ? $"COALESCE(SUM(CAST(ROUND({amount} * 10000) AS INTEGER)), 0)"
        : $"CAST(COALESCE(SUM({amount}), 0) * 10000 AS bigint)";

    /// <summary>Whole minutes from one instant column to a later one.</summary>
    public string Minutes(string later, string earlier) => IsSqlite
        ? $"CAST((({later} >> 11) - ({earlier} >> 11)) / {SqliteUnitsPerSecond * 60} AS INTEGER)"
        : $"CAST(FLOOR(EXTRACT(EPOCH FROM ({later} - {earlier})) / 60) AS bigint)";

    /// <summary>The day (as <see cref="DateOnly.DayNumber"/>) an instant column falls on in the zone, for instants in [from, to).</summary>
    public string DayNumber(string instant, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (!IsSqlite)
        {
            return $"CAST(CAST({instant} AT TIME ZONE {Parameter(zone.Id)} AS date) - DATE '0001-01-01' AS bigint)";
        }

        // Each stretch of the period with one UTC offset gets its own branch: a handful per year at most.
        var stretches = OffsetStretches(zone, from, to);
        var offsets = new StringBuilder();
        for (var i = 0; i < stretches.Count - 1; i++)
        {
            offsets.Append(CultureInfo.InvariantCulture, $" WHEN {instant} < {SqliteTime.ConvertToProvider(stretches[i + 1].Start)} THEN {Units(stretches[i].Offset)}");
        }

        var offset = offsets.Length == 0
            ? Units(stretches[0].Offset).ToString(CultureInfo.InvariantCulture)
            : $"CASE{offsets} ELSE {Units(stretches[^1].Offset)} END";
        return $"CAST((({instant} >> 11) + {offset}) / {SqliteUnitsPerSecond * 86_400} AS INTEGER)";

        static long Units(TimeSpan offset) => (long)offset.TotalSeconds * SqliteUnitsPerSecond;
    }

    /// <summary>The zone's UTC offset from each moment it changes within [from, to), starting with the one at <paramref name="from"/>.</summary>
    internal static List<(DateTimeOffset Start, TimeSpan Offset)> OffsetStretches(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        List<(DateTimeOffset Start, TimeSpan Offset)> stretches = [(from, zone.GetUtcOffset(from))];
        for (var day = from; day < to; day = day.AddDays(1))
        {
            var next = day.AddDays(1) < to ? day.AddDays(1) : to;
            if (zone.GetUtcOffset(next) == stretches[^1].Offset)
            {
                continue;
            }

            // Offsets change on whole minutes: find the first minute of the new one.
            var (before, after) = (day, next);
            while (after - before > TimeSpan.FromMinutes(1))
            {
                var middle = before + ((after - before) / 2);
                (before, after) = zone.GetUtcOffset(middle) == stretches[^1].Offset ? (middle, after) : (before, middle);
            }

            var start = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
            stretches.Add((start, zone.GetUtcOffset(start)));
        }

        return stretches;
    }
}

/// <summary>The WHERE clause of one report statement: a period and the filters that apply to its rows.</summary>
internal sealed class ReportWhere(ReportSql sql)
{
    private readonly List<string> _conditions = [];

    public ReportWhere Between(string instant, DateTimeOffset from, DateTimeOffset to)
    {
        _conditions.Add($"{instant} >= {sql.Parameter(from)} AND {instant} < {sql.Parameter(to)}");
        return this;
    }

    public ReportWhere Equal(string column, object? value)
    {
        if (value is not null)
        {
            _conditions.Add($"{column} = {sql.Parameter(value is Enum ? value.ToString()! : value)}");
        }

        return this;
    }

    public ReportWhere And(string condition)
    {
        _conditions.Add(condition);
        return this;
    }

    public override string ToString() => "WHERE " + string.Join(" AND ", _conditions);
}
