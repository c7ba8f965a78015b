namespace CancellationPortal.Domain.Notifications;

/// <summary>The name each template gives its emails: how the Emails page filters them and what a bounce is checked against.</summary>
public static class EmailTemplateNames
{
    public const string RequestReceived = "request-received";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Canceled = "canceled";
    public const string CanceledAtOnce = "canceled-at-once";

    /// <summary>Any other email to the order's shopper.</summary>
    public const string ShopperUpdate = "shopper-update";

    public const string UndoPaymentDue = "undo-payment-due";
    public const string UndoReminder = "undo-reminder";
    public const string UndoActiveAgain = "undo-active-again";

    public const string StaffPrefix = "staff-";
    public const string RefundFailed = StaffPrefix + "refund-failed";
    public const string RefundReversed = StaffPrefix + "refund-reversed";
    public const string RefundAmountDiffers = StaffPrefix + "refund-amount-differs";
    public const string DisputeOpened = StaffPrefix + "dispute-opened";
    public const string RepaymentNotAwaited = StaffPrefix + "repayment-not-awaited";

    public const string AccountConfirm = "account-confirm";
    public const string AccountReset = "account-reset";
    public const string AccountAlreadyRegistered = "account-already-registered";
    public const string AccountMessage = "account-message";

    public const string Test = "test";

    /// <summary>Whether the email went to the order's shopper (not to staff), so its bounce means the shopper was not told.</summary>
    public static bool IsToShopper(string? template) =>
        template is not null && !template.StartsWith(StaffPrefix, StringComparison.Ordinal) && !template.StartsWith("account-", StringComparison.Ordinal) && template != Test;
}
