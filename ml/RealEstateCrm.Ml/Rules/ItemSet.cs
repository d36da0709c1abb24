namespace RealEstateCrm.Ml.Rules;

/// <summary>A set of item ids, kept sorted; equal when the ids are.</summary>
internal sealed class ItemSet(int[] items) : IEquatable<ItemSet>
{
    public int[] Items { get; } = items;

    /// <summary>Apriori joins two k-sets into a (k+1)-set only when their first k−1 items agree.</summary>
    public bool SharesPrefixWith(ItemSet other) => Items.AsSpan(0, Items.Length - 1).SequenceEqual(other.Items.AsSpan(0, other.Items.Length - 1));

    public ItemSet Extend(int item) => new([.. Items, item]);

    public ItemSet Without(int item) => new(Items.Where(i => i != item).ToArray());

    /// <summary>The subsets one item smaller; a candidate is frequent only if all of them are.</summary>
    public IEnumerable<ItemSet> Subsets() => Items.Select(Without);

    public bool Equals(ItemSet? other) => other is not null && Items.AsSpan().SequenceEqual(other.Items);

    public override bool Equals(object? obj) => Equals(obj as ItemSet);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items) hash.Add(item);
        return hash.ToHashCode();
    }
}
