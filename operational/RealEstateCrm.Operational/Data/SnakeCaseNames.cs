using System.Text;
using Microsoft.EntityFrameworkCore;

namespace RealEstateCrm.Operational.Data;

/// <summary>snake_case tables and columns on every provider, so raw SQL (bulk loads, ETL extracts,
/// the outbox counter) is written once without provider-specific quoting.</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            // Singular, from the class name (work_order, call_record), like the warehouse's dim_/fact_ names.
            // "user" is reserved in PostgreSQL and SQL Server, so that one table is app_user.
            var table = ToSnake(entity.ClrType.Name);
            entity.SetTableName(table == "user" ? "app_user" : table);
            foreach (var property in entity.GetProperties())
                property.SetColumnName(ToSnake(property.GetColumnName()));
            foreach (var key in entity.GetKeys()) key.SetName(ToSnake(key.GetName()!));
            foreach (var fk in entity.GetForeignKeys()) fk.SetConstraintName(ToSnake(fk.GetConstraintName()!));
            foreach (var index in entity.GetIndexes()) index.SetDatabaseName(ToSnake(index.GetDatabaseName()!));
        }
    }

    public static string ToSnake(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && name[i - 1] != '_' && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
