using System.Globalization;

namespace RealEstateCrm.Host.Web.Sales;

/// <summary>Numbers as an &lt;input type="number"&gt; takes them: invariant, whatever the page's language.</summary>
public static class FormValues
{
    public static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
