namespace NetPath.Clinical.Validation;

/// <summary>
/// The outcome of reading an input other than a case (imaging studies, measurements): either the
/// valid value or every error found, never both. Invalid input is a value, not an exception.
/// </summary>
public sealed class ReadResult<T> where T : class
{
    private ReadResult(T? value, IReadOnlyList<ValidationError> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }
    public IReadOnlyList<ValidationError> Errors { get; }
    public bool IsValid => Value is not null;

    public static ReadResult<T> Valid(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), []);

    public static ReadResult<T> Invalid(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 0 ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(null, errors);
}
