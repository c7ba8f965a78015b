using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Orders;

public enum PaymentMethod
{
    None,
    Card,
    BankDeposit,
    Points,
    StoreCredit,
    CashOnDelivery,
}

public enum FulfillmentStatus
{
    Unfulfilled,
    FulfillmentInProgress,
    Shipped,
    InTransit,
    Delivered,
    ReturnedToSender,
}

/// <summary>State of the order at a drop-ship supplier, when the supplier ships it instead of the store.</summary>
public enum SupplierOrderStatus
{
    None,
    Placed,
    Shipped,
    Canceled,
}

public sealed class Order : IVersioned
{
    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Guid Id { get; private set; }
    public string Number { get; private set; } = "";
    public string CustomerId { get; private set; } = "";
    public string CustomerEmail { get; private set; } = "";
    public string CustomerName { get; private set; } = "";
    public DateTimeOffset PlacedAt { get; private set; }
    public string Currency { get; private set; } = "";
    public IReadOnlyList<OrderLine> Lines => _lines;
    public decimal Subtotal { get; private set; }
    public decimal Shipping { get; private set; }
    public decimal Discount { get; private set; }
    public decimal Total { get; private set; }

    /// <summary>What the shopper actually paid in money or store credit (0 for unpaid cash on delivery or bank deposit).</summary>
    public decimal AmountPaid { get; private set; }

    /// <summary>Loyalty points redeemed for this order; given back on cancellation.</summary>
    public long PointsRedeemed { get; private set; }

    public PaymentMethod PaymentMethod { get; private set; }

    /// <summary>The payment provider's reference: a Stripe payment intent (pi_...) or charge (ch_...).</summary>
    public string? PaymentReference { get; private set; }

    public FulfillmentStatus FulfillmentStatus { get; private set; }
    public string? TrackingNumber { get; private set; }
    public string? Carrier { get; private set; }
    public string? LastCourierStatus { get; private set; }
    public SupplierOrderStatus SupplierStatus { get; private set; }
    public string? SupplierName { get; private set; }
    public bool IsCanceled { get; private set; }
    public DateTimeOffset? CanceledAt { get; private set; }
    public bool IsDisputed { get; private set; }
    public long Version { get; private set; }

    public Money TotalMoney => new(Total, Currency);
    public Money PaidMoney => new(AmountPaid, Currency);

    /// <summary>
    /// Money that goes back through a refund. Points and store credit are given back automatically, and an
    /// unpaid order has nothing to give back. Any other way of paying counts, so money paid by a method added
    /// later is refunded rather than silently kept by canceling at once.
    /// </summary>
    public decimal RefundableAmount => PaymentMethod is PaymentMethod.Points or PaymentMethod.StoreCredit
        ? 0m
        : AmountPaid;

    public bool HasMoneyToRefund => RefundableAmount > 0m;

    /// <summary>Shipped by a supplier: its items never were in the store's own stock, so canceling never restocks them.</summary>
    public bool IsDropShip => SupplierStatus != SupplierOrderStatus.None;

    public static Order Place(
        string number,
        string customerId,
        string customerEmail,
        string customerName,
        string currency,
        IEnumerable<OrderLine> lines,
        decimal shipping,
        decimal discount,
        PaymentMethod paymentMethod,
        decimal amountPaid,
        DateTimeOffset placedAt,
        string? paymentReference = null,
        long pointsRedeemed = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        var order = new Order
        {
            Id = Guid.NewGuid(),
            Number = number,
            CustomerId = customerId,
            CustomerEmail = customerEmail,
            CustomerName = customerName,
            Currency = currency.ToUpperInvariant(),
            Shipping = shipping,
            Discount = discount,
            PaymentMethod = paymentMethod,
            AmountPaid = amountPaid,
            PaymentReference = paymentReference,
            PointsRedeemed = pointsRedeemed,
            PlacedAt = placedAt,
        };
        order._lines.AddRange(lines);
        order.Subtotal = order._lines.Sum(l => l.LineTotal);
        order.Total = order.Subtotal + shipping - discount;
        return order;
    }

    public void UpdateFulfillment(FulfillmentStatus status, string? carrier = null, string? trackingNumber = null, string? courierStatus = null)
    {
        FulfillmentStatus = status;
        Carrier = carrier ?? Carrier;
        TrackingNumber = trackingNumber ?? TrackingNumber;
        LastCourierStatus = courierStatus ?? LastCourierStatus;
        Touched();
    }

    public void UpdateSupplier(SupplierOrderStatus status, string? supplierName = null)
    {
        SupplierStatus = status;
        SupplierName = supplierName ?? SupplierName;
        Touched();
    }

    /// <summary>The store stopped its own shipment: the order is back to unfulfilled.</summary>
    public Result RevertFulfillment()
    {
        if (FulfillmentStatus != FulfillmentStatus.FulfillmentInProgress)
        {
            return Error.NotAllowed("Only a fulfillment in progress can be reverted.");
        }

        FulfillmentStatus = FulfillmentStatus.Unfulfilled;
        Touched();
        return Result.Ok();
    }

    /// <summary>The drop-ship supplier confirmed the cancellation on their side.</summary>
    public Result MarkCanceledWithSupplier()
    {
        return SupplierStatus switch
        {
            SupplierOrderStatus.Placed => SetSupplierCanceled(),
            SupplierOrderStatus.Shipped => Error.NotAllowed("The supplier has already shipped this order: it must be returned instead."),
            _ => Error.NotAllowed("This order is not placed with a supplier."),
        };

        Result SetSupplierCanceled()
        {
            SupplierStatus = SupplierOrderStatus.Canceled;
            Touched();
            return Result.Ok();
        }
    }

    public void MarkCanceled(DateTimeOffset now)
    {
        IsCanceled = true;
        CanceledAt = now;
        Touched();
    }

    public void Reactivate()
    {
        IsCanceled = false;
        CanceledAt = null;
        Touched();
    }

    public void SetDisputed(bool disputed)
    {
        if (IsDisputed != disputed)
        {
            IsDisputed = disputed;
            Touched();
        }
    }

    /// <summary>The version moves with every change of the order (see <see cref="IVersioned"/>).</summary>
    private void Touched() => Version++;
}

public sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(string sku, string name, int quantity, decimal unitPrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        Id = Guid.NewGuid();
        Sku = sku;
        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
    }

    public Guid Id { get; private set; }
    public Guid OrderId { get; private set; }
    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Quantity { get; private set; }
    public decimal UnitPrice { get; private set; }
    public decimal LineTotal => Quantity * UnitPrice;
}
