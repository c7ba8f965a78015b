namespace CancellationPortal.Domain.Common;

/// <summary>Why an operation was refused. Pages map the kind to a status code (404, 409, 422).</summary>
public enum ErrorKind
{
    NotAllowed,
    NotFound,
    Conflict,
    Invalid,
}

/// <param name="Field">The input the error is about (a property name of the use case's input), so pages show it beside that field.</param>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error NotAllowed(string message) => new(ErrorKind.NotAllowed, message);
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);
    public static Error Invalid(string message, string? field = null) => new(ErrorKind.Invalid, message, field);

    /// <summary>The input itself has errors, each beside its field; no use case ran.</summary>
    public static Error Form(IReadOnlyList<Error> fieldErrors) =>
        new(ErrorKind.Invalid, Refusal.FormErrorsMessage) { FieldErrors = fieldErrors };

    /// <summary>The input's errors, one per field and rule, when the form itself was refused.</summary>
    public IReadOnlyList<Error> FieldErrors { get; private init; } = [];
}

/// <summary>An outcome that can carry a refusal, so one pipeline step can refuse any use case.</summary>
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    static abstract TSelf Fail(Error error);
}

/// <summary>The outcome of a transition or use case: success, or a small error record. Exceptions are for bugs.</summary>
public readonly record struct Result : IFailable<Result>
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result Ok() => new(null);
    public static Result Fail(Error error) => new(error);

    public static implicit operator Result(Error error) => Fail(error);
}

public readonly record struct Result<T> : IFailable<Result<T>>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Error error) => new(default, error);

    public static implicit operator Result<T>(Error error) => Fail(error);
    public static implicit operator Result<T>(T value) => Ok(value);

    /// <summary>The outcome without its value, for a step that only needs to know whether it worked.</summary>
    public static implicit operator Result(Result<T> result) => result.IsSuccess ? Result.Ok() : Result.Fail(result.Error!);
}
