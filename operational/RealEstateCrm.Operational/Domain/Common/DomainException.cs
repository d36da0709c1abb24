namespace RealEstateCrm.Operational.Domain.Common;

/// <summary>A business rule refused the change. <see cref="Field"/> names the input at fault when one is.</summary>
public sealed class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
