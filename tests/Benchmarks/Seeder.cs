using System.Data.Common;
using System.Globalization;
using System.Text;
using CancellationPortal.Domain.Persistence;
using CancellationPortal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CancellationPortal.Benchmarks;

/// <summary>
/// Fills a fresh database with N orders, 10% of them with an open request and 5% with a closed one, using
/// raw multi-row INSERTs in one transaction (EF's change tracker would take minutes at a million rows).
/// </summary>
internal sealed partial class Seeder(TestDatabase database, DateTimeOffset now)
{
    private const int RowsPerInsert = 500;
    private static readonly DateTimeOffsetToBinaryConverter SqliteTime = new();
    private static readonly string[] Reasons = ["OrderedByMistake", "ChangedMind", "FoundBetterPrice", "DeliveryTooLong", "Other"];

    public string OrderNumber(int i) => (1_000_000 + i).ToString(CultureInfo.InvariantCulture);

    public async Task SeedAsync(int orders)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var orderRows = new List<string>(RowsPerInsert);
        var requestRows = new List<string>(RowsPerInsert);
        for (var i = 0; i < orders; i++)
        {
            var orderId = DeterministicGuid(i, 1);
            var placed = now.AddMinutes(-(orders - i) * 3L);
            var amount = 10m + (i % 500);
            orderRows.Add(string.Join(", ",
                Guid(orderId), Text(OrderNumber(i)), Text($"customer-{i % 5000}"), Text($"shopper{i % 5000}@example.com"), Text($"Shopper {i % 5000}"),
                Time(placed), Text("EUR"), Money(amount), Money(0m), Money(0m), Money(amount), Money(amount), "0", Text("BankDeposit"), "NULL",
                Text("Unfulfilled"), Text($"TRK{i:D9}"), Text("DHL"), "NULL", Text("None"), "NULL", Bool(false), "NULL", Bool(i % 97 == 0), "0"));

            // 10% open (7 in 10 Requested, 3 in 10 InProgress), 5% closed (Canceled).
            var status = (i % 20) switch
            {
                0 or 1 => i / 20 % 10 < 7 ? "Requested" : "InProgress",
                2 => "Canceled",
                _ => null,
            };
            if (status is not null)
            {
                var requestedAt = placed.AddMinutes(30);
                var assigned = status == "Requested" ? "NULL" : Text($"staff-{i % 7}");
                var kind = i % 50 == 0 ? "Staff" : "Shopper";
                requestRows.Add(string.Join(", ",
                    Guid(DeterministicGuid(i, 2)), Guid(orderId), Text(status), Text(kind), Text($"customer-{i % 5000}"), Text($"Shopper {i % 5000}"), Text("portal"),
                    Text(Reasons[i % Reasons.Length]), "NULL", Time(requestedAt), assigned, status == "Requested" ? "NULL" : Text($"Staff {i % 7}"),
                    "NULL", "NULL", status == "Canceled" ? Time(requestedAt.AddHours(5)) : "NULL",
                    "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL", "NULL",
                    Bool(i % 301 == 0), Text("seed"), Time(requestedAt), "0"));
            }

            if (orderRows.Count == RowsPerInsert)
            {
                await FlushAsync(connection, transaction, orderRows, requestRows);
            }
        }

        await FlushAsync(connection, transaction, orderRows, requestRows);
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task FlushAsync(DbConnection connection, DbTransaction transaction, List<string> orders, List<string> requests)
    {
        await InsertAsync(connection, transaction, "Orders", OrderColumns, orders);
        await InsertAsync(connection, transaction, "CancellationRequests", RequestColumns, requests);
    }

    private static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string table, string columns, List<string> rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder().Append("INSERT INTO \"").Append(table).Append("\" (").Append(columns).Append(") VALUES ");
        sql.AppendJoin(", ", rows.Select(r => $"({r})"));
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Generated numbers, ids and fixed words only: no outside input reaches this text.
        command.CommandText = sql.ToString();
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
        rows.Clear();
    }

    private const string OrderColumns = "\"Id\", \"Number\", \"CustomerId\", \"CustomerEmail\", \"CustomerName\", \"PlacedAt\", \"Currency\", \"Subtotal\", \"Shipping\", \"Discount\", \"Total\", \"AmountPaid\", \"PointsRedeemed\", \"PaymentMethod\", \"PaymentReference\", \"FulfillmentStatus\", \"TrackingNumber\", \"Carrier\", \"LastCourierStatus\", \"SupplierStatus\", \"SupplierName\", \"IsCanceled\", \"CanceledAt\", \"IsDisputed\", \"Version\"";

    private const string RequestColumns = "\"Id\", \"OrderId\", \"Status\", \"RequestedByKind\", \"RequestedById\", \"RequestedByName\", \"Source\", \"ShopperReason\", \"Comment\", \"RequestedAt\", \"AssignedToId\", \"AssignedToName\", \"AcceptedAt\", \"RejectionReason\", \"ClosedAt\", \"DecisionReason\", \"DecisionReasonNote\", \"DecisionRefundMethod\", \"DecisionRefundAmount\", \"DecisionKeptReason\", \"DecisionRefundNow\", \"DecisionRestock\", \"DecisionNotifyShopper\", \"DecisionStaffNote\", \"HasFailedRefund\", \"LastChangedByName\", \"LastChangedAt\", \"Version\"";

    private bool IsSqlite => database.Provider == Provider.Sqlite;

    private string Guid(Guid id) => IsSqlite ? $"'{id.ToString().ToUpperInvariant()}'" : $"'{id}'";

    private static string Text(string value) => $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";

    private string Money(decimal value) => IsSqlite
        ? Text(value.ToString("0.0###", CultureInfo.InvariantCulture))
        : value.ToString(CultureInfo.InvariantCulture);

    private string Bool(bool value) => IsSqlite ? (value ? "1" : "0") : (value ? "TRUE" : "FALSE");

    private string Time(DateTimeOffset value) => IsSqlite
        ? ((long)SqliteTime.ConvertToProvider(value)!).ToString(CultureInfo.InvariantCulture)
        : $"'{value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)}+00'";

    /// <summary>Ids spread like random ones, but the same on every run.</summary>
    private static Guid DeterministicGuid(int i, byte kind)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(unchecked(i * 2_654_435_761u)).CopyTo(bytes, 0);
        BitConverter.GetBytes(i).CopyTo(bytes, 4);
        bytes[8] = kind;
        BitConverter.GetBytes(unchecked((uint)i * 40_503u)).CopyTo(bytes, 12);
        return new Guid(bytes);
    }
}
