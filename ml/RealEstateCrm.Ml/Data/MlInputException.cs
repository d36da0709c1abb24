namespace RealEstateCrm.Ml.Data;

/// <summary>Input the user can fix: a missing column, a label that is not binary, an empty result, a query DuckDB
/// refuses. <see cref="Field"/> names what was wrong (<c>sql</c>, <c>label</c>, <c>exclude</c>, <c>time-column</c>, ...)
/// so a command line can point at the option; the message names the column and the values found.</summary>
public sealed class MlInputException(string field, string message, Exception? inner = null) : ArgumentException(message, inner)
{
    public string Field { get; } = field;
}
