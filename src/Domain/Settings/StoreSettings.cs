namespace CancellationPortal.Domain.Settings;

/// <summary>Store-wide switches and the storefront's branding, which an Admin changes in the back-office (one row).</summary>
public sealed class StoreSettings
{
    public const int SingletonId = 1;
    public const int MaxStoreNameLength = 100;
    public const int MaxLogoUrlLength = 2048;
    public const int DefaultRepaymentOverdueAfterDays = 7;
    public const int DefaultShopperUndoWindowDays = 14;
    public const int MaxTimeZoneLength = 64;
    public const int MaxAddressLength = 300;
    public const int MaxSupportContactLength = 200;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Issue a credit note for the order's invoice when it is canceled, and an invoice for any amount the store kept.</summary>
    public bool RevertInvoiceOnCancel { get; set; } = true;

    /// <summary>A request waiting longer than this is shown as overdue in the queue.</summary>
    public int OverdueAfterHours { get; set; } = 48;

    /// <summary>An undo waiting this many days for the shopper's repayment is overdue: the queue says so and the shopper is reminded.</summary>
    public int RepaymentOverdueAfterDays { get; set; } = DefaultRepaymentOverdueAfterDays;

    /// <summary>For how many days after a cancellation a shopper may ask to keep the order after all; 0 turns the portal's button off.</summary>
    public int ShopperUndoWindowDays { get; set; } = DefaultShopperUndoWindowDays;

    /// <summary>How many loyalty points one unit of the points currency (Refunds:PointsCurrency) buys back when refunding in points.</summary>
    public int PointsPerCurrencyUnit { get; set; } = 100;

    /// <summary>The store's name as shoppers know it: the portal's header, page titles and footer.</summary>
    public string StoreName { get; set; } = StoreBranding.DefaultStoreName;

    /// <summary>The logo the portal shows beside the name (an https address or a path on the portal); none shows the name alone.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>The portal's brand colour (#rrggbb): its header and buttons, with white text on it.</summary>
    public string BrandColor { get; set; } = StoreBranding.DefaultBrandColor;

    /// <summary>The store's time zone (an IANA id such as Europe/Berlin): report days and back-office times are read in it.</summary>
    public string TimeZone { get; set; } = StoreTimeZone.Default;
    /// <summary>The store's postal address, in the footer of every email (shops in many countries must show it).</summary>
    public string? StoreAddress { get; set; }

    /// <summary>How shoppers reach support (an address, a phone number), in the footer of every email.</summary>
    public string? SupportContact { get; set; }
}
