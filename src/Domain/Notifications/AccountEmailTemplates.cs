namespace CancellationPortal.Domain.Notifications;

/// <summary>The emails about a shopper's account; every link is already on the portal's public address.</summary>
public static class AccountEmailTemplates
{
    // The subjects Identity's own pages send with (the portal's pages use them too), by which their emails are recognised.
    public const string ConfirmSubject = "Confirm your email";
    public const string ResetSubject = "Reset your password";
    public const string AlreadyRegisteredSubject = "Someone tried to register with your email address";

    public static EmailMessage Confirm(string to, string confirmLink) => new(
        to,
        ConfirmSubject,
        """
        Welcome! Please confirm your email address to finish creating your account.

        If you did not create an account, you can ignore this email.
        """)
    {
        Template = EmailTemplateNames.AccountConfirm,
        Actions = [new EmailAction("Confirm your email", confirmLink)],
    };

    public static EmailMessage ResetPassword(string to, string resetLink) => new(
        to,
        ResetSubject,
        """
        Someone, perhaps you, asked to reset the password of your account.

        If it was not you, you can ignore this email: your password stays as it is.
        """)
    {
        Template = EmailTemplateNames.AccountReset,
        Actions = [new EmailAction("Choose a new password", resetLink)],
    };

    public static EmailMessage AlreadyRegistered(string to, string signInLink, string resetLink) => new(
        to,
        AlreadyRegisteredSubject,
        """
        Someone, perhaps you, tried to create an account at our store with this email address. You already have an account, so no new one was created and nothing about your account changed.

        If it was you, sign in instead, or reset your password if you do not remember it.

        If it was not you, you can ignore this email.
        """)
    {
        Template = EmailTemplateNames.AccountAlreadyRegistered,
        Actions = [new EmailAction("Sign in", signInLink), new EmailAction("Reset your password", resetLink)],
    };
}
