namespace ChildStory.Common;

/// <summary>What kind of expected failure an <see cref="Error"/> is; the host maps each kind to one HTTP status.</summary>
public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
    Forbidden,
}

/// <summary>
/// An expected failure, as a value. <see cref="Fields"/> names each field that was wrong and what was wrong with it,
/// so a page can render a GOV.UK error summary and the API a problem-details answer from the same object.
/// </summary>
public sealed record Error(ErrorKind Kind, string Title, IReadOnlyDictionary<string, string[]> Fields)
{
    public static Error NotFound(string what) => new(ErrorKind.NotFound, $"{what} was not found", Empty);

    public static Error Conflict(string title) => new(ErrorKind.Conflict, title, Empty);

    public static Error Forbidden(string title) => new(ErrorKind.Forbidden, title, Empty);

    public static Error Invalid(string field, string message) =>
        new(ErrorKind.Validation, "The request has errors", new Dictionary<string, string[]> { [field] = [message] });

    public static Error Invalid(ValidationErrors errors) =>
        new(ErrorKind.Validation, "The request has errors", errors.ToDictionary());

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}

/// <summary>Collects field errors in the order they were found (the order a GOV.UK error summary lists them).</summary>
public sealed class ValidationErrors
{
    private readonly List<KeyValuePair<string, List<string>>> _errors = [];

    public bool Any => _errors.Count > 0;

    public ValidationErrors Add(string field, string message)
    {
        var existing = _errors.FirstOrDefault(e => e.Key == field);
        if (existing.Value is null)
        {
            _errors.Add(new(field, [message]));
        }
        else
        {
            existing.Value.Add(message);
        }
        return this;
    }

    public ValidationErrors Require(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, message);
        }
        return this;
    }

    /// <summary>Refuses text longer than its column, with the limit in the message (databases differ in whether they would).</summary>
    public ValidationErrors MaxLength(string field, string? value, int max, string what)
    {
        if (value is not null && value.Trim().Length > max)
        {
            Add(field, $"{what} must be {max} characters or fewer");
        }
        return this;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}

public readonly struct Result<T>
{
    private readonly T? _value;

    private Result(T? value, Error? error)
    {
        _value = value;
        Error = error;
    }

    public Error? Error { get; }

    public bool Succeeded => Error is null;

    public T Value => Error is null ? _value! : throw new InvalidOperationException($"No value: {Error.Title}");

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}
