using FluentValidation;
using Mediator;

namespace CancellationPortal.Domain.Common;

/// <summary>
/// Runs every validator of a command before its handler: input with errors is refused with one error per
/// field and rule (pages show them beside their fields), and the handler never runs, so nothing is written.
/// </summary>
public sealed class ValidationBehavior<TCommand, TResponse>(IEnumerable<IValidator<TCommand>> validators) : IPipelineBehavior<TCommand, TResponse>
    where TCommand : ICommand<TResponse>
    where TResponse : IFailable<TResponse>
{
    public async ValueTask<TResponse> Handle(TCommand message, MessageHandlerDelegate<TCommand, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        var refused = await validators.CheckAsync(message, cancellationToken);
        return refused is null ? await next(message, cancellationToken) : TResponse.Fail(refused);
    }
}

public static class CommandValidation
{
    /// <summary>The form's errors as one refusal, or null when the command is valid.</summary>
    public static async Task<Error?> CheckAsync<TCommand>(this IEnumerable<IValidator<TCommand>> validators, TCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(validators);
        var errors = new List<Error>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(command, cancellationToken);
            errors.AddRange(result.Errors.Select(e => Error.Invalid(e.ErrorMessage, e.PropertyName)));
        }

        return errors.Count == 0 ? null : Error.Form(errors);
    }
}
