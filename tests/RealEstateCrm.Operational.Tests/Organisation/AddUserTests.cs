using Microsoft.EntityFrameworkCore;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Domain.Organisation;
using RealEstateCrm.Operational.Features.Organisation;
using RealEstateCrm.Testing;

namespace RealEstateCrm.Operational.Tests.Organisation;

public sealed class AddUserTests
{
    private static AddUser.Request Request(string name = "wang.fang", string password = "Hangzhou2026", params string[] roles) =>
        new(name, "王芳", password, roles.Length == 0 ? ["sales"] : roles);

    [Theory, ClassData(typeof(Providers))]
    public async Task A_new_user_can_verify_her_password_and_has_her_roles_functions(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context("admin"))
            await new AddUser(db).Handle(Request(roles: ["sales", "agent"]), TestContext.Current.CancellationToken);

        await using var read = test.Context();
        var user = await read.Users.Include(u => u.Roles).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(PasswordHasher.Verify("Hangzhou2026", user.PasswordHash!));
        Assert.False(PasswordHasher.Verify("hangzhou2026", user.PasswordHash!));
        var roles = await read.Roles.Include(r => r.Functions).Where(r => user.Roles.Select(ur => ur.RoleId).Contains(r.Id)).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["agent", "sales"], roles.Select(r => r.Code).Order());
        Assert.Contains(roles.SelectMany(r => r.Functions), f => f.Function == Functions.CallLists);
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task The_password_hash_never_reaches_the_audit_log_or_the_outbox(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context("admin"))
            await new AddUser(db).Handle(Request(), TestContext.Current.CancellationToken);

        await using var read = test.Context();
        var hash = (await read.Users.SingleAsync(TestContext.Current.CancellationToken)).PasswordHash!;
        var audit = await read.AuditEntries.Where(a => a.Entity == "User").SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal("admin", audit.UserName);
        Assert.Contains("wang.fang", audit.After);
        Assert.DoesNotContain("PasswordHash", audit.After);
        Assert.DoesNotContain(await read.OutboxMessages.Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken), p => p.Contains(hash));
    }

    [Theory, ClassData(typeof(Providers))]
    public async Task A_weak_password_a_taken_name_and_an_unknown_role_are_all_reported_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var db = test.Context())
            await new AddUser(db).Handle(Request(), TestContext.Current.CancellationToken);

        await using (var db = test.Context())
        {
            var error = await Assert.ThrowsAsync<ValidationException>(() =>
                new AddUser(db).Handle(Request(password: "short", roles: ["janitor"]), TestContext.Current.CancellationToken));
            Assert.Equal(["password", "role", "user-name"], error.Errors.Select(e => e.Field).Order());
        }

        await using var read = test.Context();
        Assert.Equal(1, await read.Users.CountAsync(TestContext.Current.CancellationToken));
    }
}
