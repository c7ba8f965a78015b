namespace CancellationPortal.Domain.Common;

/// <summary>Why an operation was refused. Pages map the kind to a status code (404, 409, 422).</summary>
public enum ErrorKind
{
    NotAllowed,
    NotFound,
    Conflict,
    Invalid,
}

public sealed record Error(ErrorKind Kind, string Message)
{
    public static Error NotAllowed(string message) => new(ErrorKind.NotAllowed, message);
    public static Error NotFound(string message) => new(ErrorKind.NotFound, message);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);
    public static Error Invalid(string message) => new(ErrorKind.Invalid, message);
}

/// <summary>The outcome of a transition or use case: success, or a small error record. Exceptions are for bugs.</summary>
public readonly record struct Result
{
    private Result(Error? error) => Error = error;

    public Error? Error { get; }
    public bool IsSuccess => Error is null;

    public static Result Ok() => new(null);
    public static Result Fail(Error error) => new(error);

    public static implicit operator Result(Error error) => Fail(error);
}

public readonly record struct Result<T>
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
}
