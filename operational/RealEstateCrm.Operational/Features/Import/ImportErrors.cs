using RealEstateCrm.Operational.Domain.Common;

namespace RealEstateCrm.Operational.Features.Import;

/// <summary>Every problem found in a file, so the user fixes them all in one go. Only the first
/// <see cref="Shown"/> are listed (a wrong file can have thousands), with the total.</summary>
public sealed class ImportErrors
{
    public const int Shown = 50;
    private readonly List<ValidationError> _errors = [];

    public int Count { get; private set; }

    public void Add(int line, string column, string message) => Add($"line {line}, column {column}", message);

    public void Add(string where, string message)
    {
        Count++;
        if (_errors.Count < Shown) _errors.Add(new ValidationError(where, message));
    }

    public void ThrowIfAny()
    {
        if (Count == 0) return;
        var errors = new List<ValidationError>(_errors);
        if (Count > Shown) errors.Add(new ValidationError("file", $"{Count - Shown} more errors not shown ({Count} in all); nothing was imported"));
        throw new ValidationException(errors);
    }
}
