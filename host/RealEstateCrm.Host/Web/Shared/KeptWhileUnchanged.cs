using System.Collections.Concurrent;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>Values read from the database, kept per key and reused while the <see cref="DataVersion"/> they were read at
/// is still current. For what every page reads again although it rarely changes (who the user is, what he may see, his
/// workbench layout). One value per key, replaced when it is next asked for after a change, so the memory is bounded by
/// the keys (users, projects). Values must be immutable: every request shares them.</summary>
public sealed class KeptWhileUnchanged<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Version, TValue Value)> _kept = new();

    public async Task<TValue> GetAsync(TKey key, long version, Func<Task<TValue>> read)
    {
        if (_kept.TryGetValue(key, out var kept) && kept.Version == version) return kept.Value;
        var value = await read();
        _kept[key] = (version, value);
        return value;
    }
}
