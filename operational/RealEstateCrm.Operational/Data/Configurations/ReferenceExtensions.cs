using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RealEstateCrm.Operational.Data.Configurations;

internal static class ReferenceExtensions
{
    /// <summary>A foreign key to another aggregate. Deleting the principal is refused while rows point at
    /// it: history (calls, contracts, work orders) must never vanish as a side effect.</summary>
    public static void References<T, TPrincipal>(this EntityTypeBuilder<T> builder, Expression<Func<T, object?>> foreignKey)
        where T : class where TPrincipal : class =>
        builder.HasOne<TPrincipal>().WithMany().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Restrict);
}

internal static class TextExtensions
{
    /// <summary>Free text with no length limit (text / nvarchar(max)): JSON payloads and audit images.</summary>
    public static void IsUnboundedText(this PropertyBuilder<string?> property) => property.Metadata.SetMaxLength(null);
}
