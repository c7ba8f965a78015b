using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Notifications;

/// <summary>An admin sends a test email to an address, through the outbox and the configured sender like any other.</summary>
public sealed record SendTestEmail(string? To) : ICommand<Result>;

public sealed class SendTestEmailValidator : AbstractValidator<SendTestEmail>
{
    public SendTestEmailValidator() =>
        RuleFor(c => c.To).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the address to send the test email to.")
            .MaximumLength(254).WithMessage("An email address is at most 254 characters long.")
            .EmailAddress().WithMessage("Enter an email address such as you@example.com.")
            .OverridePropertyName("To");
}

public sealed class SendTestEmailHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<SendTestEmail, Result>
{
    /// <summary>The topic of test emails, so they are found apart from those about orders.</summary>
    public const string Topic = "test";

    public async ValueTask<Result> Handle(SendTestEmail command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        db.EnqueueEmail(EmailPreviews.Test(command.To!.Trim()), Topic, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
