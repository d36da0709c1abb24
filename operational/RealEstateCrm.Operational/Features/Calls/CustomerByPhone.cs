using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Operational.Features.Calls;

internal static class CustomerByPhone
{
    /// <summary>The one live customer whose primary phone or a phone contact is this normalised number.
    /// Null when none or several match: a shared family number must not pin a call on the wrong person.</summary>
    public static async Task<Guid?> Match(CrmDbContext db, string? phone, CancellationToken ct)
    {
        if (phone is null) return null;
        var byPrimary = await db.Customers.Where(c => c.Phone == phone && c.MergedIntoId == null).Select(c => c.Id).ToListAsync(ct);
        var byContact = await db.CustomerContacts.Where(c => c.Kind == ContactKind.Phone && c.Value == phone)
            .Join(db.Customers.Where(c => c.MergedIntoId == null), k => k.CustomerId, c => c.Id, (k, c) => c.Id).ToListAsync(ct);
        return byPrimary.Concat(byContact).Distinct().ToList() is [var only] ? only : null;
    }
}
