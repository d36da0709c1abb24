using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Backup;

/// <summary>The order in which tables can be filled without breaking a foreign key, worked out from the
/// EF model. Foreign keys that close a cycle (a customer referred by a customer, two tables pointing at
/// each other) cannot be satisfied by any order: those columns are written empty first and filled in once
/// every row exists (<see cref="Deferred"/>). Emptying runs the same plan backwards.</summary>
internal sealed class TableOrder
{
    private TableOrder(IReadOnlyList<StoredTable> tables, IReadOnlyDictionary<string, IReadOnlyList<IProperty>> deferred)
    {
        Tables = tables;
        Deferred = deferred;
    }

    /// <summary>Tables, principals before dependents.</summary>
    public IReadOnlyList<StoredTable> Tables { get; }

    /// <summary>By table name: the foreign-key columns written only after every table is loaded.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IProperty>> Deferred { get; }

    public IReadOnlyList<IProperty> DeferredOf(StoredTable table) => Deferred.GetValueOrDefault(table.Name, []);

    public static TableOrder Plan(IReadOnlyList<StoredTable> tables)
    {
        var pending = tables.ToDictionary(t => t, t => t.EntityType.GetForeignKeys().ToList());
        var deferred = new Dictionary<string, List<IProperty>>();
        var placed = new HashSet<IEntityType>();
        var order = new List<StoredTable>();

        void Defer(StoredTable table, IForeignKey key)
        {
            if (key.IsRequired)
                throw new InvalidOperationException($"{table.Name}: required foreign key to {key.PrincipalEntityType.GetTableName()} is in a cycle; no load order exists");
            if (!deferred.TryGetValue(table.Name, out var columns)) deferred[table.Name] = columns = [];
            columns.AddRange(key.Properties.Except(columns));
        }

        foreach (var (table, keys) in pending)
        foreach (var self in keys.Where(k => k.PrincipalEntityType == table.EntityType).ToList())
        {
            Defer(table, self);
            keys.Remove(self);
        }

        while (order.Count < tables.Count)
        {
            var ready = tables.FirstOrDefault(t => !placed.Contains(t.EntityType) && pending[t].All(k => placed.Contains(k.PrincipalEntityType)));
            if (ready is null)
            {
                // A cycle: break it at the first table whose outstanding references may all be empty for a while.
                ready = tables.FirstOrDefault(t => !placed.Contains(t.EntityType) && pending[t].Where(k => !placed.Contains(k.PrincipalEntityType)).All(k => !k.IsRequired))
                        ?? throw new InvalidOperationException($"no load order: required foreign keys form a cycle among {string.Join(", ", tables.Where(t => !placed.Contains(t.EntityType)).Select(t => t.Name))}");
                foreach (var key in pending[ready].Where(k => !placed.Contains(k.PrincipalEntityType))) Defer(ready, key);
            }
            placed.Add(ready.EntityType);
            order.Add(ready);
        }
        return new TableOrder(order, deferred.ToDictionary(d => d.Key, d => (IReadOnlyList<IProperty>)d.Value));
    }
}
