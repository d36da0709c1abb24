using Microsoft.Extensions.DependencyInjection;
using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Operational.Tests;

public sealed class UseCaseRegistrationTests
{
    [Fact]
    public void Every_use_case_resolves_from_the_container_with_its_clock_and_context()
    {
        var path = Path.Combine(Path.GetTempPath(), $"crm-di-{Guid.NewGuid():N}.db");
        using var services = new ServiceCollection().AddOperational(new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={path}")).BuildServiceProvider(validateScopes: true);
        using var scope = services.CreateScope();
        var useCases = typeof(UseCaseAttribute).Assembly.GetTypes().Where(t => t.GetCustomAttributes(typeof(UseCaseAttribute), false).Length > 0).ToList();

        Assert.Contains(useCases, t => t.Name == "EscalateOverdueWorkOrders");
        Assert.All(useCases, t => Assert.NotNull(scope.ServiceProvider.GetRequiredService(t)));
        Assert.False(File.Exists(path));
    }
}
