using CancellationPortal.Domain.Cancellations;
using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Orders;
using CancellationPortal.Domain.Refunds;

namespace CancellationPortal.Domain.Notifications;

/// <summary>One email as a template writes it for a made-up order, to see it before a shopper does.</summary>
public sealed record EmailPreview(string Template, string Title, EmailMessage Email);

/// <summary>
/// Every template filled with a made-up order (nothing is read from or written to the database): the Emails page shows
/// them, and the template tests pin them in a currency with and without decimals.
/// </summary>
public static class EmailPreviews
{
    public const string ShopperEmail = "zoe@example.com";

    public static IReadOnlyList<EmailPreview> All(string currency, DateTimeOffset now, string supportAddress)
    {
        var order = DemoOrder(currency, now);
        var requested = Requested(order, now.AddDays(-2));
        var accepted = Requested(order, now.AddDays(-2));
        Succeed(accepted.Accept(Staff, now.AddDays(-1)));
        var rejected = Requested(order, now.AddDays(-2));
        Succeed(rejected.Reject(Staff, "The parcel left our warehouse this morning; you can return it for free within 30 days.", now));
        var withdrawn = Requested(order, now.AddDays(-2));
        Succeed(withdrawn.Withdraw(Shopper, now.AddHours(-3)));
        var canceled = Canceled(order, now);
        var atOnce = Requested(order, now);
        Succeed(atOnce.CancelAtOnce(now));
        var keep = Money.DecimalsOf(currency) == 0 ? 800m : 4.90m;
        var amount = new Money(order.AmountPaid - keep, order.Currency);
        var portal = "/Identity/Account/";
        return
        [
            new(EmailTemplateNames.RequestReceived, "Request received", EmailTemplates.RequestReceived(order, requested)),
            new(EmailTemplateNames.Accepted, "Request accepted", EmailTemplates.Accepted(order, accepted)),
            new(EmailTemplateNames.Rejected, "Request rejected", EmailTemplates.Rejected(order, rejected)),
            new(EmailTemplateNames.Withdrawn, "Request withdrawn", EmailTemplates.Withdrawn(order, withdrawn)),
            new(EmailTemplateNames.Canceled, "Order canceled", CanceledEmail.Build(order, canceled, canceled.Refunds, null)),
            new(EmailTemplateNames.CanceledAtOnce, "Order canceled at once", EmailTemplates.CanceledAtOnce(order, atOnce)),
            new(EmailTemplateNames.RefundFailed, "Card refund failed (staff)", StaffEmails.CardRefundFailed(supportAddress, order.Number, amount, "The card has expired.")),
            new(EmailTemplateNames.RefundReversed, "Card refund reversed (staff)", StaffEmails.CardRefundReversed(supportAddress, order.Number, amount, "The card was reported lost.", stillInProgress: true)),
            new(EmailTemplateNames.RefundAmountDiffers, "Card refund amount differs (staff)", StaffEmails.CardRefundAmountDiffers(supportAddress, order.Number, amount, amount with { Amount = amount.Amount - keep }, "re_demo")),
            new(EmailTemplateNames.DisputeOpened, "Payment disputed (staff)", StaffEmails.DisputeOpened(supportAddress, order.Number)),
            new(EmailTemplateNames.UndoPaymentDue, "Undo: payment due", UndoEmails.PaymentDue(order, amount)),
            new(EmailTemplateNames.UndoReminder, "Undo: payment reminder", UndoEmails.Reminder(order, amount)),
            new(EmailTemplateNames.UndoActiveAgain, "Undo: order active again", UndoEmails.ActiveAgain(order, null)),
            new(EmailTemplateNames.RepaymentNotAwaited, "Payment for an undo no longer waiting (staff)", UndoEmails.RepaymentNotAwaited(supportAddress, order.Number, amount)),
            new(EmailTemplateNames.AccountConfirm, "Confirm the email address", AccountEmailTemplates.Confirm(ShopperEmail, portal + "ConfirmEmail?userId=demo&code=demo")),
            new(EmailTemplateNames.AccountReset, "Reset the password", AccountEmailTemplates.ResetPassword(ShopperEmail, portal + "ResetPassword?code=demo")),
            new(EmailTemplateNames.AccountAlreadyRegistered, "Already registered", AccountEmailTemplates.AlreadyRegistered(ShopperEmail, portal + "Login", portal + "ForgotPassword")),
        ];
    }

    /// <summary>The email the Emails page sends to check that mail leaves and looks right.</summary>
    public static EmailMessage Test(string to) => new(
        to,
        "A test email from the back-office",
        """
        This is a test email sent from the back-office's Emails page.

        If it arrived with the store's name, colours and footer, emails reach shoppers as they should.
        """)
    {
        Template = EmailTemplateNames.Test,
    };

    private static readonly Actor Shopper = Actor.Shopper("demo-customer", "Zoë Ångström");
    private static readonly Actor Staff = Actor.Staff("demo-staff", "Sam Support");

    private static Order DemoOrder(string currency, DateTimeOffset now)
    {
        var wholeUnits = Money.DecimalsOf(currency) == 0;
        var (price, shipping) = wholeUnits ? (12800m, 800m) : (64.95m, 4.90m);
        return Order.Place(
            "10023",
            "demo-customer",
            ShopperEmail,
            "Zoë Ångström",
            currency,
            [new OrderLine("LAMP-01", "Walnut desk lamp", 2, price)],
            shipping,
            0m,
            PaymentMethod.Card,
            (2 * price) + shipping,
            now.AddDays(-3),
            "pi_demo");
    }

    private static CancellationRequest Requested(Order order, DateTimeOffset at) =>
        Succeed(CancellationRequest.Submit(order, PolicyAnswer.Allowed, Shopper, "portal", ShopperReason.ChangedMind, "Please cancel — I picked the wrong colour <blue & grey>.", at));

    /// <summary>Accepted and refunded in store credit, less the shipping the store keeps: what went back, how, and what was kept and why.</summary>
    private static CancellationRequest Canceled(Order order, DateTimeOffset now)
    {
        var request = Requested(order, now.AddDays(-2));
        Succeed(request.Accept(Staff, now.AddDays(-1)));
        var rules = new RefundRules(CardAvailable: true, "Demo gateway", order.Currency, PointsPerCurrencyUnit: 100);
        var decision = new DecisionInput(DecisionReason.CustomerRequest, null, RefundMethod.StoreCredit, order.AmountPaid - order.Shipping, "Shipping was already paid to the courier", RefundNow: true, Restock: true, NotifyShopper: true, StaffNote: null);
        Succeed(request.Decide(decision, rules, Staff, now));
        return request;
    }

    private static T Succeed<T>(Result<T> result) =>
        result.IsSuccess ? result.Value! : throw new InvalidOperationException($"The preview's made-up order cannot be set up: {result.Error}");

    private static void Succeed(Result result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"The preview's made-up order cannot be set up: {result.Error}");
        }
    }
}

/// <summary>Renders the templates' previews in the store's current brand, as the Emails page shows them.</summary>
public sealed class EmailPreviewer(EmailBrandSource brands, Microsoft.Extensions.Options.IOptions<EmailOptions> options, TimeProvider clock)
{
    /// <summary>The currencies a preview can be shown in: one with two decimals, another, and one without.</summary>
    public static readonly IReadOnlyList<string> Currencies = ["EUR", "USD", "JPY"];

    /// <summary>Every template's name and title, in the order the page lists them.</summary>
    public IReadOnlyList<(string Template, string Title)> Templates() =>
    [
        .. Previews("EUR").Select(p => (p.Template, p.Title)),
        (EmailTemplateNames.ShopperUpdate, "Other update to the shopper"),
        (EmailTemplateNames.AccountMessage, "Other account email"),
        (EmailTemplateNames.Test, "Test email"),
    ];

    /// <returns>The email laid out as it would leave, or null when there is no such template or currency.</returns>
    public async Task<RenderedEmail?> RenderAsync(string? template, string? currency, CancellationToken cancellationToken)
    {
        if (currency is null || !Currencies.Contains(currency) || Previews(currency).FirstOrDefault(p => p.Template == template) is not { } preview)
        {
            return null;
        }

        return EmailLayout.Render(preview.Email, await brands.CurrentAsync(cancellationToken));
    }

    private IReadOnlyList<EmailPreview> Previews(string currency) => EmailPreviews.All(currency, clock.GetUtcNow(), options.Value.SupportAddress);
}
