using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Host.Web.Shared;

/// <summary>The database's version for this request: the last outbox sequence handed out. Every committed change, from
/// any process, draws the next sequence in its own transaction, so an unchanged number means nothing has been written
/// since; read once per request, before anything that is kept against it (read after, a commit in between would label
/// older data with the newer number).</summary>
public sealed class DataVersion(CrmDbContext db)
{
    // Compiled once: every request reads it, and a LINQ query pays EF's parameter extraction and cache look-up each time.
    private static readonly Func<CrmDbContext, CancellationToken, Task<long>> LastSequence =
        EF.CompileAsyncQuery((CrmDbContext db, CancellationToken ct) => db.Set<OutboxCounter>().Select(c => c.LastSequence).Single());

    private long? _current;

    public async ValueTask<long> CurrentAsync(CancellationToken ct) => _current ??= await LastSequence(db, ct);
}
