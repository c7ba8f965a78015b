using System.Text.Encodings.Web;
using CancellationPortal.Domain.Notifications;

namespace CancellationPortal.Portal.Accounts;

/// <summary>
/// The links of the account emails the portal asks for itself, in the shape the Identity pages hand to the email sender
/// (the Identity pages ask for the others); <see cref="OutboxAccountEmailSender"/> writes them with the store's templates.
/// </summary>
internal static class AccountEmails
{
    public const string ConfirmSubject = AccountEmailTemplates.ConfirmSubject;

    public const string AlreadyRegisteredSubject = AccountEmailTemplates.AlreadyRegisteredSubject;

    public static string Confirm(string confirmLink) =>
        $"Please confirm your account by <a href='{HtmlEncoder.Default.Encode(confirmLink)}'>clicking here</a>.";

    public static string AlreadyRegistered(string signInLink, string resetLink) =>
        $"""
        <p>Someone, perhaps you, tried to create an account at our store with this email address. You already have an account, so no new one was created and nothing about your account changed.</p>
        <p>If it was you, <a href='{HtmlEncoder.Default.Encode(signInLink)}'>sign in</a> instead, or <a href='{HtmlEncoder.Default.Encode(resetLink)}'>reset your password</a> if you do not remember it.</p>
        <p>If it was not you, you can ignore this email.</p>
        """;
}
