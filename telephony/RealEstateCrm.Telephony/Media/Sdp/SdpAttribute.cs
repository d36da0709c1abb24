namespace RealEstateCrm.Telephony.Media;

/// <summary>An "a=" line: a property attribute (<c>a=sendonly</c>, Value null) or a value attribute (<c>a=rtpmap:0 PCMU/8000</c>).</summary>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    public static SdpAttribute Parse(string text)
    {
        var colon = text.IndexOf(':');
        return colon < 0 ? new SdpAttribute(text) : new SdpAttribute(text[..colon], text[(colon + 1)..]);
    }

    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
