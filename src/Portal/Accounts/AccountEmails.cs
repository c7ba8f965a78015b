using System.Text.Encodings.Web;

namespace CancellationPortal.Portal.Accounts;

/// <summary>The account emails the portal writes itself (the Identity pages write the others); links come from the public address.</summary>
internal static class AccountEmails
{
    public const string ConfirmSubject = "Confirm your email";

    public const string AlreadyRegisteredSubject = "Someone tried to register with your email address";

    public static string Confirm(string confirmLink) =>
        $"Please confirm your account by <a href='{HtmlEncoder.Default.Encode(confirmLink)}'>clicking here</a>.";

    public static string AlreadyRegistered(string signInLink, string resetLink) =>
        $"""
        <p>Someone, perhaps you, tried to create an account at our store with this email address. You already have an account, so no new one was created and nothing about your account changed.</p>
        <p>If it was you, <a href='{HtmlEncoder.Default.Encode(signInLink)}'>sign in</a> instead, or <a href='{HtmlEncoder.Default.Encode(resetLink)}'>reset your password</a> if you do not remember it.</p>
        <p>If it was not you, you can ignore this email.</p>
        """;
}
