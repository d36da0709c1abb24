using System.Collections;
using System.Text;

namespace RealEstateCrm.Telephony.Sip;

/// <summary>The <c>;name=value</c> parameters of a URI or header, names case-insensitive, order kept. A value is
/// null for a flag (<c>;lr</c>); quoted values are stored unquoted and quoted again when written.</summary>
public sealed class SipParameters : IEnumerable<KeyValuePair<string, string?>>
{
    private readonly List<KeyValuePair<string, string?>> _items = [];
    private readonly HashSet<string> _quoted = new(StringComparer.OrdinalIgnoreCase);

    public bool Contains(string name) => _items.Any(p => Same(p.Key, name));

    public string? this[string name]
    {
        get => _items.FirstOrDefault(p => Same(p.Key, name)).Value;
        set => Set(name, value);
    }

    public void Set(string name, string? value, bool quoted = false)
    {
        var index = _items.FindIndex(p => Same(p.Key, name));
        if (index >= 0) _items[index] = new(name, value);
        else _items.Add(new(name, value));
        if (quoted) _quoted.Add(name);
        else _quoted.Remove(name);
    }

    public void Remove(string name) => _items.RemoveAll(p => Same(p.Key, name));

    /// <summary>Parses <c>;a=1;b;c="x y"</c>; <paramref name="text"/> starts after the first ';' or is empty.</summary>
    public static SipParameters Parse(string text, string field)
    {
        var parameters = new SipParameters();
        if (string.IsNullOrWhiteSpace(text)) return parameters;
        foreach (var raw in SipText.SplitOutsideQuotes(text, ';'))
        {
            var part = raw.Trim();
            if (part.Length == 0) throw new SipParseException(field, "empty parameter");
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                parameters.Set(part, null);
                continue;
            }
            var name = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (name.Length == 0) throw new SipParseException(field, "parameter without a name");
            if (value.StartsWith('"'))
            {
                value = SipText.ReadQuoted(value, 0, out var end);
                if (end != part[(equals + 1)..].Trim().Length) throw new SipParseException(field, $"text after the quoted value of '{name}'");
                parameters.Set(name, value, quoted: true);
            }
            else parameters.Set(name, value);
        }
        return parameters;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value) in _items)
        {
            builder.Append(';').Append(name);
            if (value is null) continue;
            builder.Append('=').Append(_quoted.Contains(name) ? SipText.Quote(value) : value);
        }
        return builder.ToString();
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
