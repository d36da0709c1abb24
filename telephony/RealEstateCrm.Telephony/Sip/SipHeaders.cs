using System.Collections;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>The header fields of a message in their order, with case-insensitive lookup by canonical name.</summary>
public sealed class SipHeaders : IEnumerable<SipHeader>
{
    private readonly List<SipHeader> _headers = [];

    public int Count => _headers.Count;

    public void Add(string name, string value) => _headers.Add(new SipHeader(SipHeaderNames.Normalize(name), value));

    /// <summary>Adds a value before all others of the same name (a proxy's Via, a Record-Route).</summary>
    public void AddFirst(string name, string value)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => Same(h.Name, name));
        _headers.Insert(index < 0 ? _headers.Count : index, new SipHeader(name, value));
    }

    /// <summary>Replaces every value of <paramref name="name"/> with one.</summary>
    public void Set(string name, string value)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => Same(h.Name, name));
        RemoveAll(name);
        _headers.Insert(index < 0 ? _headers.Count : index, new SipHeader(name, value));
    }

    public void RemoveAll(string name)
    {
        name = SipHeaderNames.Normalize(name);
        _headers.RemoveAll(h => Same(h.Name, name));
    }

    /// <summary>Removes the first value of <paramref name="name"/> (the top Via when a response goes upstream).</summary>
    public void RemoveFirst(string name)
    {
        name = SipHeaderNames.Normalize(name);
        var index = _headers.FindIndex(h => Same(h.Name, name));
        if (index >= 0) _headers.RemoveAt(index);
    }

    public string? this[string name] => First(name);

    public string? First(string name)
    {
        name = SipHeaderNames.Normalize(name);
        foreach (var header in _headers)
            if (Same(header.Name, name)) return header.Value;
        return null;
    }

    public IEnumerable<string> All(string name)
    {
        name = SipHeaderNames.Normalize(name);
        return _headers.Where(h => Same(h.Name, name)).Select(h => h.Value);
    }

    public bool Contains(string name) => First(name) is not null;

    public IEnumerator<SipHeader> GetEnumerator() => _headers.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
