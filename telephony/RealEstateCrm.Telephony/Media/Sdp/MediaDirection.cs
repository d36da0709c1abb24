namespace RealEstateCrm.Telephony.Media;

/// <summary>The SDP direction attribute (RFC 3264 §5.1), from the point of view of the side that wrote it.
/// Hold is a sendonly (or inactive) offer.</summary>
public enum MediaDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

public static class MediaDirectionExtensions
{
    public static bool Sends(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    public static bool Receives(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>What the other side's SDP should say for this side's direction.</summary>
    public static MediaDirection Reverse(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => MediaDirection.RecvOnly,
        MediaDirection.RecvOnly => MediaDirection.SendOnly,
        _ => direction,
    };

    public static string ToAttribute(this MediaDirection direction) => direction.ToString().ToLowerInvariant();

    public static MediaDirection? FromAttribute(string name) => name.ToLowerInvariant() switch
    {
        "sendrecv" => MediaDirection.SendRecv,
        "sendonly" => MediaDirection.SendOnly,
        "recvonly" => MediaDirection.RecvOnly,
        "inactive" => MediaDirection.Inactive,
        _ => null,
    };
}
