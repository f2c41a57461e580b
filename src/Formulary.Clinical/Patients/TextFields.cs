namespace Formulary.Clinical.Patients;

/// <summary>Reads edge text (CLI options, form fields) into typed values with <see cref="PatientText"/>, collecting one error per unreadable field.</summary>
public sealed class TextFields
{
    public delegate bool TryRead<T>(string text, out T value, out string error);

    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> Errors => _errors;

    /// <summary>A field refused before it is read (e.g. given twice at the edge).</summary>
    public void Refuse(PatientField field, string message) => _errors.Add(new(field, message));

    public decimal? Number(PatientField field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Word<decimal>(field, text, PatientText.TryNumber);

    public DateOnly? Date(PatientField field, string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : Word<DateOnly>(field, text, PatientText.TryDate);

    public T? Word<T>(PatientField field, string? text, TryRead<T> read)
        where T : struct
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (read(text, out var value, out var error))
        {
            return value;
        }

        _errors.Add(new(field, error));
        return null;
    }

    /// <summary>A measurement given in one of two units; both at once is refused (which one was meant cannot be told).</summary>
    public Measurement<TUnit>? OneOf<TUnit>(PatientField field, string firstName, string? first, Func<decimal, DateOnly?, Measurement<TUnit>> inFirst, string secondName, string? second, Func<decimal, DateOnly?, Measurement<TUnit>> inSecond, DateOnly? on)
        where TUnit : struct, Enum
    {
        if (!string.IsNullOrWhiteSpace(first) && !string.IsNullOrWhiteSpace(second))
        {
            _errors.Add(new(field, $"{firstName} and {secondName} are both given; give the value once, in one unit"));
            return null;
        }

        return Number(field, first) is { } a ? inFirst(a, on)
            : Number(field, second) is { } b ? inSecond(b, on)
            : null;
    }
}
