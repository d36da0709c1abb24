using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Customers;

/// <summary>Folds a duplicate customer into a survivor. Every row that points at the duplicate is re-pointed
/// at the survivor; the foreign keys come from the EF model, so a table added later is moved without a change
/// here. The duplicate keeps its row, marked <see cref="Customer.MergedIntoId"/>, the survivor takes the fields
/// it lacked, and a <see cref="CustomerMerge"/> row records the merge, all in one transaction.
/// Where re-pointing would break a unique rule (a tag or a campaign membership both already have) or make a
/// row link the survivor to itself (a family link between the two), the duplicate's row is dropped instead.
/// The merge log itself (<see cref="CustomerMerge"/>) is history and is never re-pointed.</summary>
[UseCase]
public sealed class MergeCustomers(CrmDbContext db)
{
    public sealed record Request(Guid SurvivorId, Guid DuplicateId, string Reason);

    public sealed record Result(CustomerMerge Merge, int RowsDropped);

    private static readonly MethodInfo LoadMethod = typeof(MergeCustomers).GetMethod(nameof(LoadPointingAt), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<Result> Handle(Request request, CancellationToken ct = default)
    {
        new Validator()
            .NotBlank(request.Reason, "reason")
            .Require(request.SurvivorId != request.DuplicateId, "duplicate", "a customer cannot be merged into itself")
            .ThrowIfInvalid();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await LockAsync(request.SurvivorId, request.DuplicateId, ct);
        var survivor = locked.SingleOrDefault(c => c.Id == request.SurvivorId)
                       ?? throw Lookups.NotFound<Customer>("survivor", request.SurvivorId);
        var duplicate = locked.SingleOrDefault(c => c.Id == request.DuplicateId)
                        ?? throw Lookups.NotFound<Customer>("duplicate", request.DuplicateId);
        if (survivor.MergedIntoId is not null) throw new DomainException($"customer {survivor.Code} was itself merged away and cannot survive a merge", "survivor");
        if (duplicate.MergedIntoId is not null) throw new DomainException($"customer {duplicate.Code} is already merged", "duplicate");

        var now = DateTime.UtcNow;
        var customerType = db.Model.FindEntityType(typeof(Customer))!;
        int moved = 0, dropped = 0;
        foreach (var foreignKey in customerType.GetReferencingForeignKeys().Where(fk => fk.DeclaringEntityType.ClrType != typeof(CustomerMerge)))
        {
            var property = foreignKey.Properties.Single();
            var rows = await LoadAsync(foreignKey.DeclaringEntityType, property, duplicate.Id, ct);
            var survivorRows = UniqueIndexesWith(property).Any() ? await LoadAsync(foreignKey.DeclaringEntityType, property, survivor.Id, ct) : [];
            foreach (var row in rows.Where(r => !ReferenceEquals(r, duplicate)))
            {
                var entry = db.Entry(row);
                if (ReferenceEquals(row, survivor))
                {
                    // The duplicate referred the survivor: one person cannot refer himself.
                    entry.Property(property.Name).CurrentValue = null;
                    continue;
                }
                entry.Property(property.Name).CurrentValue = survivor.Id;
                if (LinksSurvivorToItself(entry, foreignKey, customerType, survivor.Id) || ClashesWithSurvivorRow(entry, property, survivorRows))
                {
                    db.Remove(row);
                    dropped++;
                }
                else moved++;
            }
        }

        if (duplicate.Phone is { } phone && survivor.Phone is not null && survivor.Phone != phone
            && !await db.CustomerContacts.AnyAsync(c => (c.CustomerId == survivor.Id || c.CustomerId == duplicate.Id) && c.Kind == ContactKind.Phone && c.Value == phone, ct))
            // Keep the duplicate's number reachable (and findable by caller lookup) on the survivor.
            db.CustomerContacts.Add(new CustomerContact { CustomerId = survivor.Id, Kind = ContactKind.Phone, Value = phone, Label = $"from {duplicate.Code}" });
        survivor.FillGapsFrom(duplicate, now);
        duplicate.MergedIntoId = survivor.Id;
        duplicate.UpdatedAt = now;
        var merge = new CustomerMerge
        {
            SurvivorId = survivor.Id,
            MergedId = duplicate.Id,
            Reason = request.Reason,
            RowsMoved = moved,
            MergedBy = db.Actor,
            MergedAt = now,
        };
        db.CustomerMerges.Add(merge);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Result(merge, dropped);
    }

    /// <summary>Locks both customer rows for the rest of the transaction, so no lead or call is attached to the
    /// duplicate between our reading what points at it and the commit (PostgreSQL: FOR UPDATE blocks the key-share
    /// lock an inserted reference takes; SQLite: the transaction began IMMEDIATE and holds the write lock).</summary>
    private async Task<List<Customer>> LockAsync(Guid survivorId, Guid duplicateId, CancellationToken ct) => db.Provider switch
    {
        DatabaseProvider.Postgres => await db.Customers.FromSql($"SELECT * FROM customer WHERE id IN ({survivorId}, {duplicateId}) ORDER BY id FOR UPDATE").ToListAsync(ct),
        DatabaseProvider.SqlServer => await db.Customers.FromSql($"SELECT * FROM customer WITH (UPDLOCK, HOLDLOCK) WHERE id IN ({survivorId}, {duplicateId})").ToListAsync(ct),
        _ => await db.Customers.Where(c => c.Id == survivorId || c.Id == duplicateId).ToListAsync(ct),
    };

    private Task<List<object>> LoadAsync(IEntityType type, IProperty property, Guid customerId, CancellationToken ct) =>
        (Task<List<object>>)LoadMethod.MakeGenericMethod(type.ClrType).Invoke(null, [db, property, customerId, ct])!;

    private static async Task<List<object>> LoadPointingAt<T>(CrmDbContext db, IProperty property, Guid customerId, CancellationToken ct) where T : class
    {
        // row => EF.Property<Guid?>(row, "CustomerId") == customerId, with the id as a parameter rather than a literal.
        var row = Expression.Parameter(typeof(T), "row");
        var column = Expression.Call(typeof(EF), nameof(EF.Property), [property.ClrType], row, Expression.Constant(property.Name));
        var id = Expression.Convert(Expression.Field(Expression.Constant(new StrongBox<Guid>(customerId)), nameof(StrongBox<Guid>.Value)), property.ClrType);
        var filter = Expression.Lambda<Func<T, bool>>(Expression.Equal(column, id), row);
        return (await db.Set<T>().Where(filter).ToListAsync(ct)).Cast<object>().ToList();
    }

    private static IEnumerable<IIndex> UniqueIndexesWith(IProperty property) =>
        property.DeclaringType.ContainingEntityType.GetIndexes().Where(i => i.IsUnique && i.Properties.Contains(property));

    private static bool LinksSurvivorToItself(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, IForeignKey moved, IEntityType customerType, Guid survivorId) =>
        entry.Metadata != customerType
        && entry.Metadata.GetForeignKeys().Any(fk => fk != moved && fk.PrincipalEntityType == customerType
                                                     && Equals(entry.Property(fk.Properties.Single().Name).CurrentValue, survivorId));

    private static bool ClashesWithSurvivorRow(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry, IProperty property, List<object> survivorRows) =>
        UniqueIndexesWith(property).Any(index => survivorRows.Any(other => !ReferenceEquals(other, entry.Entity)
            && index.Properties.Where(p => p != property).All(p => Equals(entry.Property(p.Name).CurrentValue, entry.Context.Entry(other).Property(p.Name).CurrentValue))));
}
