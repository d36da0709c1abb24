namespace RealEstateCrm.Telephony.CallCenter;

/// <summary>The tariff table: a dialled number takes the rate of the longest prefix it starts with.</summary>
public sealed class Tariff
{
    private readonly Dictionary<string, TariffRate> _byPrefix;
    private readonly int _longest;

    public Tariff(IEnumerable<TariffRate> rates)
    {
        _byPrefix = new Dictionary<string, TariffRate>(StringComparer.Ordinal);
        foreach (var rate in rates)
            if (!_byPrefix.TryAdd(rate.Prefix, rate)) throw new ArgumentException($"prefix {rate.Prefix} is in the tariff twice", nameof(rates));
        _longest = _byPrefix.Count == 0 ? 0 : _byPrefix.Keys.Max(p => p.Length);
    }

    public IReadOnlyCollection<TariffRate> Rates => _byPrefix.Values;

    /// <summary>The rate for a number (separators and a leading + ignored), or null when no prefix matches.</summary>
    public TariffRate? Match(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        for (var length = Math.Min(_longest, digits.Length); length >= 0; length--)
            if (_byPrefix.TryGetValue(digits[..length], out var rate)) return rate;
        return null;
    }

    /// <summary>Prices a call of <paramref name="talkSeconds"/>: billed time rounded up to whole increments,
    /// the amount rounded to the fen (0.01 yuan). An unanswered call costs nothing.</summary>
    public RatedCall? Rate(string number, int talkSeconds)
    {
        if (Match(number) is not { } rate) return null;
        var increments = talkSeconds <= 0 ? 0 : (talkSeconds + rate.IncrementSeconds - 1) / rate.IncrementSeconds;
        var billed = increments * rate.IncrementSeconds;
        return new RatedCall(rate, talkSeconds, billed, Math.Round(rate.RatePerMinute * billed / 60m, 2, MidpointRounding.AwayFromZero));
    }
}

public sealed record RatedCall(TariffRate Rate, int TalkSeconds, int BilledSeconds, decimal Amount);
