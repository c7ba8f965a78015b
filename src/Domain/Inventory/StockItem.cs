using CancellationPortal.Domain.Common;

namespace CancellationPortal.Domain.Inventory;

public sealed class StockItem : IVersioned
{
    private StockItem()
    {
    }

    public StockItem(string sku, string name, int onHand)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        Sku = sku;
        Name = name;
        OnHand = onHand;
    }

    public string Sku { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int OnHand { get; private set; }
    public long Version { get; private set; }

    /// <summary>Items of a canceled order go back on the shelf.</summary>
    public void Restock(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        OnHand += quantity;
        Touched();
    }

    /// <summary>Items of an order that is active again come off the shelf; what is not there is on backorder.</summary>
    /// <returns>How many items were missing.</returns>
    public int Reserve(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        var taken = Math.Min(quantity, OnHand);
        OnHand -= taken;
        Touched();
        return quantity - taken;
    }

    /// <summary>The shop platform counted the shelf: its number replaces ours.</summary>
    public void Count(int onHand)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        if (onHand != OnHand)
        {
            OnHand = onHand;
            Touched();
        }
    }

    /// <summary>The version moves with every change of the stock item (see <see cref="IVersioned"/>).</summary>
    private void Touched() => Version++;
}
