namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>One line of the tariff table (计费费率): numbers starting with <see cref="Prefix"/> cost <see cref="RatePerMinute"/>,
/// billed in whole increments of <see cref="IncrementSeconds"/> (60: per started minute; 6: per started 6 seconds).</summary>
public sealed record TariffRate(string Prefix, string Name, decimal RatePerMinute, int IncrementSeconds);
