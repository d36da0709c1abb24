using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Fixtures;

internal static class Refusal
{
    /// <summary>Runs a use case that must be refused, on a fresh context, and checks that nothing was stored:
    /// every saved change writes an outbox row and an audit entry in its transaction, so equal counts before and
    /// after mean no change reached the database.</summary>
    public static async Task<TException> AssertRefused<TException>(this TestDatabase test, Func<CrmDbContext, Task> action) where TException : Exception
    {
        var before = await StoredChanges(test);
        TException error;
        await using (var db = test.Context("refused"))
            error = await Assert.ThrowsAsync<TException>(() => action(db));
        Assert.Equal(before, await StoredChanges(test));
        return error;
    }

    /// <summary>Outbox and audit row counts: unchanged counts prove a refused request stored nothing.</summary>
    public static async Task<(int Outbox, int Audit)> StoredChanges(TestDatabase test)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = test.Context();
        return (await db.OutboxMessages.CountAsync(ct), await db.AuditEntries.CountAsync(ct));
    }
}
