namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>Input failed validation; every problem names its field so the CLI and the API can say exactly what to fix.</summary>
public sealed class ValidationException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>One problem: <see cref="Message"/> in English, <see cref="Text"/> its template and arguments for translation.</summary>
public sealed record ValidationError(string Field, string Message)
{
    public ValidationError(string field, RefusalText text) : this(field, text.ToString()) => Text = text;

    public RefusalText Text { get; } = Message;
}
