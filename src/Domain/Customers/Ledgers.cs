namespace CancellationPortal.Domain.Customers;

/// <summary>One movement on a shopper's store-credit balance (positive = credit given).</summary>
public sealed class StoreCreditEntry
{
    private StoreCreditEntry()
    {
    }

    public StoreCreditEntry(string customerId, decimal amount, string currency, string description, Guid? refundId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        CustomerId = customerId;
        Amount = amount;
        Currency = currency;
        Description = description;
        RefundId = refundId;
        At = at;
    }

    public Guid Id { get; private set; }
    public string CustomerId { get; private set; } = "";
    public decimal Amount { get; private set; }
    public string Currency { get; private set; } = "";
    public string Description { get; private set; } = "";
    public Guid? RefundId { get; private set; }
    public DateTimeOffset At { get; private set; }
}

/// <summary>One movement on a shopper's loyalty points (positive = points given).</summary>
public sealed class PointsEntry
{
    private PointsEntry()
    {
    }

    public PointsEntry(string customerId, long points, string description, Guid? refundId, DateTimeOffset at)
    {
        Id = Guid.NewGuid();
        CustomerId = customerId;
        Points = points;
        Description = description;
        RefundId = refundId;
        At = at;
    }

    public Guid Id { get; private set; }
    public string CustomerId { get; private set; } = "";
    public long Points { get; private set; }
    public string Description { get; private set; } = "";
    public Guid? RefundId { get; private set; }
    public DateTimeOffset At { get; private set; }
}
