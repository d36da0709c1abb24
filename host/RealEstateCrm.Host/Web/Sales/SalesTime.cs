using RealEstateCrm.Host.Jobs;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>The sales pages speak China time: call lists are written for a China calendar day and reps type times as
/// they read them off the wall clock, while the database keeps UTC.</summary>
public static class SalesTime
{
    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), CrmJobs.ChinaStandardTime).DateTime);

    public static DateTime ToChina(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), CrmJobs.ChinaStandardTime);

    /// <summary>A wall-clock time typed into a form (datetime-local carries no zone) as UTC.</summary>
    public static DateTime FromChina(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), CrmJobs.ChinaStandardTime);

    public static string Show(DateTime utc) => ToChina(utc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value a datetime-local input shows for a stored UTC time.</summary>
    public static string Input(DateTime? utc) =>
        utc is { } at ? ToChina(at).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
