namespace RealEstateCrm.Operational.Domain.Customers;

/// <summary>How alike two Chinese personal names are, for duplicate detection: the same surname (the first
/// character; compound surnames such as 欧阳 share their first character too) and at most one character
/// added, dropped or replaced in the whole name (张伟 / 张玮, 王小明 / 王明).</summary>
public static class NameSimilarity
{
    public static string Surname(string name) => Clean(name) is { Length: > 0 } clean ? clean[..1] : "";

    public static bool IsSimilar(string a, string b)
    {
        var x = Clean(a);
        var y = Clean(b);
        return x.Length > 0 && y.Length > 0 && x[0] == y[0] && EditDistance(x, y) <= 1;
    }

    public static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static string Clean(string name) => string.Concat(name.Where(c => !char.IsWhiteSpace(c) && c != '·'));
}
