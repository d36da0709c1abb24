using System.Globalization;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The one clock every page speaks: the business's time zone (<c>Web:TimeZone</c>, default Asia/Shanghai),
/// never the server's. The database keeps UTC; pages show and read wall-clock times in this zone, and "today" (a call
/// list's day, a report's last day) is this zone's calendar day, so a server run in UTC or abroad shows what the staff
/// in China read off their own clocks.</summary>
public sealed class BusinessTime(TimeZoneInfo zone, TimeProvider clock)
{
    public const string DefaultZone = "Asia/Shanghai";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The zone named in configuration; an unknown id is refused naming the setting.</summary>
    public static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found
            : throw new ArgumentException($"Web:TimeZone: \"{id}\" is not a time zone id (such as {DefaultZone})");

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;

    public DateTime Now => ToLocal(UtcNow);

    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>When the business's day <paramref name="day"/> starts, in UTC (for database ranges).</summary>
    public DateTime StartOfDayUtc(DateOnly day) => FromLocal(day.ToDateTime(TimeOnly.MinValue));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>A wall-clock time typed into a form (datetime-local carries no zone) as UTC.</summary>
    public DateTime FromLocal(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    public string Show(DateTime utc) => Format(ToLocal(utc), "yyyy-MM-dd HH:mm");

    public string Show(DateTimeOffset at) => Format(ToLocal(at), "yyyy-MM-dd HH:mm");

    public string Date(DateTime utc) => Format(ToLocal(utc), "yyyy-MM-dd");

    public string Clock(DateTime utc) => Format(ToLocal(utc), "HH:mm");

    public string Clock(DateTimeOffset at) => Format(ToLocal(at), "HH:mm:ss");

    /// <summary>The value a datetime-local input shows for a stored UTC time.</summary>
    public string Input(DateTime? utc) => utc is { } at ? Format(ToLocal(at), "yyyy-MM-ddTHH:mm") : "";

    private static string Format(DateTime local, string format) => local.ToString(format, CultureInfo.InvariantCulture);
}
