namespace Formulary.Clinical.Patients;

/// <summary>The refusals collected while reading one input, each naming its field.</summary>
internal sealed class ReadErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public int Count => _errors.Count;

    public void Add(PatientField field, string message) => _errors.Add(new(field, message));

    /// <summary>Records the error and returns null, so a reader can <c>return errors.Fail&lt;T&gt;(…)</c>.</summary>
    public T? Fail<T>(PatientField field, string message)
        where T : struct
    {
        Add(field, message);
        return null;
    }

    /// <summary>The value made by <paramref name="create"/>, or null plus an error when <paramref name="problem"/> says why not.</summary>
    public T? Checked<T>(PatientField field, decimal value, Func<decimal, string?> problem, Func<decimal, T> create)
        where T : struct
    {
        var why = problem(value);
        return why is null ? create(value) : Fail<T>(field, Invariant($"{value}: {why}"));
    }
}
