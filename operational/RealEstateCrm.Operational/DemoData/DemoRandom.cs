namespace RealEstateCrm.Operational.DemoData;

/// <summary>A seeded random stream with the draws the generator needs. Every area gets its own stream
/// (seed and stream number), so adding rows to one area does not shift the data of another.</summary>
internal sealed class DemoRandom(int seed, int stream)
{
    private static readonly DateTime UnixEpoch = DateTime.UnixEpoch;
    private readonly Random _random = new(unchecked(seed * 1_000_003 + stream * 7_919));

    public int Next(int maxExclusive) => _random.Next(maxExclusive);
    public int Next(int min, int maxExclusive) => _random.Next(min, maxExclusive);
    public double NextDouble() => _random.NextDouble();
    public bool Chance(double p) => _random.NextDouble() < p;
    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>Picks by weight; weights need not sum to one.</summary>
    public T Pick<T>(IReadOnlyList<(T Item, double Weight)> items)
    {
        var x = _random.NextDouble() * items.Sum(i => i.Weight);
        foreach (var (item, weight) in items)
            if ((x -= weight) < 0) return item;
        return items[^1].Item;
    }

    public double Exponential(double mean) => -mean * Math.Log(1 - _random.NextDouble());

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public double Normal() => Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());

    /// <summary>Knuth's method: fine for the small means used here.</summary>
    public int Poisson(double mean)
    {
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble()) k++;
        return k;
    }

    public DateTime Between(DateTime from, DateTime to) =>
        to <= from ? from : from.AddSeconds(_random.NextDouble() * (to - from).TotalSeconds);

    /// <summary>A version-7 GUID whose time part is the row's own timestamp and whose random part comes
    /// from this stream: keys are time-ordered like the application's, and reproducible.</summary>
    public Guid Id(DateTime at)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = (long)Math.Max(0, (at - UnixEpoch).TotalMilliseconds);
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
