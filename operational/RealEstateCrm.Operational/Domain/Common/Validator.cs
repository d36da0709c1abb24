namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>Collects every problem of one request before failing, so a user fixes them all in one go.</summary>
public sealed class Validator
{
    private readonly List<ValidationError> _errors = [];

    public Validator Require(bool condition, string field, RefusalText message)
    {
        if (!condition) _errors.Add(new ValidationError(field, message));
        return this;
    }

    public Validator NotBlank(string? value, string field, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add(new ValidationError(field, "is required"));
        else if (value.Length > maxLength) _errors.Add(new ValidationError(field, $"is longer than {maxLength} characters"));
        return this;
    }

    /// <summary>An optional text: absent is fine, too long is not (the column would refuse it with a database error).</summary>
    public Validator MaxLength(string? value, string field, int maxLength = 200)
    {
        if (value is not null && value.Length > maxLength) _errors.Add(new ValidationError(field, $"is longer than {maxLength} characters"));
        return this;
    }

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ValidationException(_errors);
    }
}
