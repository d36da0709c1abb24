using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Customers;

namespace RealEstateCrm.Host.Telephony;

/// <summary>The one live customer a phone number belongs to (primary phone or a phone contact), as the call-center
/// ports need it. None when no customer or several share the number: a family line must not pop the wrong person.</summary>
internal static class CallerNumber
{
    public static async Task<Guid?> CustomerIdAsync(CrmDbContext db, string number, CancellationToken ct)
    {
        if (ChinesePhone.Normalize(number) is not { } phone) return null;
        var ids = await db.Customers.Where(c => c.MergedIntoId == null && (c.Phone == phone
                || db.CustomerContacts.Any(k => k.CustomerId == c.Id && k.Kind == ContactKind.Phone && k.Value == phone)))
            .Select(c => c.Id).Take(2).ToListAsync(ct);
        return ids is [var only] ? only : null;
    }
}
