using CancellationPortal.Domain.Common;
using CancellationPortal.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace CancellationPortal.Domain.Notifications;

/// <summary>Staff send an email again that did not reach its reader (it failed, bounced or was dropped).</summary>
/// <param name="RequestId">The request whose page this comes from: only an email about its order is sent again there.</param>
public sealed record ResendEmail(Guid EmailId, Guid RequestId) : ICommand<Result>;

public sealed class ResendEmailValidator : AbstractValidator<ResendEmail>
{
    public ResendEmailValidator() => RuleFor(c => c.EmailId).NotEmpty().WithMessage("Choose the email to send again.");
}

public sealed class ResendEmailHandler(AppDbContext db, TimeProvider clock) : ICommandHandler<ResendEmail, Result>
{
    public async ValueTask<Result> Handle(ResendEmail command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var orderNumber = await db.CancellationRequests.Where(r => r.Id == command.RequestId).Select(r => r.Order.Number).SingleOrDefaultAsync(cancellationToken);
        var email = await db.Outbox.SingleOrDefaultAsync(m => m.Id == command.EmailId && m.Topic == orderNumber, cancellationToken);
        if (email is null)
        {
            return Error.NotFound("There is no such email about this order.");
        }

        if (!email.NotReceived)
        {
            return Error.NotAllowed("This email was not refused, bounced or dropped: there is nothing to send again.");
        }

        if (email.ResentAt is not null)
        {
            return Error.Conflict("This email was already sent again; see the newer copy in the list.");
        }

        db.Outbox.Add(email.Resend(clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return Result.Ok();
    }
}
