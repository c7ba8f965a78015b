using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Benchmarks;

/// <summary>
/// The refund reports' data: N refunds spread evenly over the two years before now, each with its order and its
/// request, in EUR (60%), USD (30%) and JPY (10%), by every method, mostly succeeded and some failed or pending,
/// one in ten keeping part of the payment. Written with the same multi-row INSERTs as the queue's orders.
/// </summary>
internal sealed partial class Seeder
{
    private static readonly string[] Methods = ["OriginalPayment", "StoreCredit", "BankTransfer", "Points"];
    private static readonly string[] DecisionReasons = ["CustomerRequest", "OutOfStock", "SuspectedFraud", "PaymentProblem", "AddressUndeliverable", "Other"];
    private static readonly string[] Payments = ["Card", "BankDeposit", "CashOnDelivery"];
    private static readonly string[] Kinds = ["Shopper", "Shopper", "Shopper", "Staff", "System"];

    private const string RefundColumns = "\"Id\", \"RequestId\", \"OrderId\", \"Method\", \"Amount\", \"Currency\", \"Status\", \"ProviderReference\", \"FailureReason\", \"CreatedAt\", \"SettledAt\", \"CreatedByName\"";

    public async Task SeedRefundsAsync(int refunds)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var orderRows = new List<string>(RowsPerInsert);
        var requestRows = new List<string>(RowsPerInsert);
        var refundRows = new List<string>(RowsPerInsert);
        var span = TimeSpan.FromDays(730).Ticks;
        for (var i = 0; i < refunds; i++)
        {
            var (orderId, requestId) = (DeterministicGuid(i, 1), DeterministicGuid(i, 2));
            var at = now.AddTicks(-span + (span / refunds * i));
            var requestedAt = at.AddMinutes(-(i % 2880) - 30);
            var currency = (i % 10) switch { < 6 => "EUR", < 9 => "USD", _ => "JPY" };
            var amount = currency == "JPY" ? 1000m + (i % 50 * 100) : 10m + (i % 500) + 0.99m;
            var kept = i % 10 == 3 ? (currency == "JPY" ? 500m : 5m) : 0m;
            var method = Methods[i % 4];
            var status = (i % 100) switch { < 90 => "Succeeded", < 94 => "Failed", < 97 => "Pending", _ => "Canceled" };
            var requestStatus = status == "Succeeded" ? "Canceled" : "InProgress";
            var kind = Kinds[i % Kinds.Length];
            var staff = $"Staff {i % 7}";
            orderRows.Add(string.Join(", ",
                Guid(orderId), Text(OrderNumber(i)), Text($"customer-{i % 5000}"), Text($"shopper{i % 5000}@example.com"), Text($"Shopper {i % 5000}"),
                Time(requestedAt.AddDays(-2)), Text(currency), Money(amount + kept), Money(0m), Money(0m), Money(amount + kept), Money(amount + kept), "0",
                Text(Payments[i % Payments.Length]), "NULL", Text("Unfulfilled"), "NULL", "NULL", "NULL", Text("None"), "NULL",
                Bool(requestStatus == "Canceled"), requestStatus == "Canceled" ? Time(at) : "NULL", Bool(i % 397 == 0), "0"));
            requestRows.Add(string.Join(", ",
                Guid(requestId), Guid(orderId), Text(requestStatus), Text(kind), Text($"customer-{i % 5000}"), Text($"Shopper {i % 5000}"),
                Text(kind == "Shopper" ? "portal" : kind == "Staff" ? "backoffice" : "courier"), kind == "Shopper" ? Text(Reasons[i % Reasons.Length]) : "NULL", "NULL",
                Time(requestedAt), Text($"staff-{i % 7}"), Text(staff), Time(requestedAt.AddMinutes(i % 240)), "NULL", requestStatus == "Canceled" ? Time(at) : "NULL",
                Text(DecisionReasons[i % DecisionReasons.Length]), "NULL", Text(method), Money(amount), kept > 0 ? Text($"Restocking fee {i % 3}") : "NULL",
                Bool(true), Bool(false), Bool(true), "NULL", Bool(status == "Failed"), Text(staff), Time(at), "1"));
            refundRows.Add(string.Join(", ",
                Guid(DeterministicGuid(i, 3)), Guid(requestId), Guid(orderId), Text(method), Money(amount), Text(currency), Text(status),
                status == "Pending" ? "NULL" : Text($"re_{i:D9}"), status == "Failed" ? Text("Card expired") : "NULL", Time(at),
                status == "Pending" ? "NULL" : Time(at.AddMinutes(1)), Text(staff)));
            if (orderRows.Count == RowsPerInsert)
            {
                await FlushRefundsAsync(connection, transaction, orderRows, requestRows, refundRows);
            }
        }

        await FlushRefundsAsync(connection, transaction, orderRows, requestRows, refundRows);
        await transaction.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }

    private static async Task FlushRefundsAsync(DbConnection connection, DbTransaction transaction, List<string> orders, List<string> requests, List<string> refunds)
    {
        await FlushAsync(connection, transaction, orders, requests);
        await InsertAsync(connection, transaction, "Refunds", RefundColumns, refunds);
    }
}
