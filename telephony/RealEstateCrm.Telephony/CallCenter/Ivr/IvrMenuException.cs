namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>An IVR menu file that cannot be used; every error names the node (or the file's top level) it is about.</summary>
public sealed class IvrMenuException(string source, IReadOnlyList<string> errors)
    : FormatException($"{source}: {string.Join("; ", errors)}")
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
