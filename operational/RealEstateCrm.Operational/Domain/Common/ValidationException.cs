namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>Input failed validation; every problem names its field so the CLI and the API can say exactly what to fix.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

public sealed record ValidationError(string Field, string Message);
