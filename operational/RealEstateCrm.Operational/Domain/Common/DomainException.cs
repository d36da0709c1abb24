namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>A business rule refused the change. <see cref="Field"/> names the input at fault when one is; <see cref="Text"/>
/// keeps the message's template and arguments for a translated display (<see cref="Exception.Message"/> is the English).</summary>
public sealed class DomainException(RefusalText message, string? field = null) : Exception(message.ToString())
{
    public string? Field { get; } = field;

    public RefusalText Text { get; } = message;
}
