namespace RealEstateCrm.Warehouse.Tests.Export;

/// <summary>Each test gets its own warehouse file in a fresh temp folder, filled with known rows by the subclass.</summary>
public abstract class TempWarehouseTest : IAsyncLifetime
{
    protected string Folder { get; } = Directory.CreateTempSubdirectory("crm-export-test-").FullName;
    protected WarehouseDatabase Database { get; private set; } = null!;
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Database = await WarehouseDatabase.OpenAsync(Path.Combine(Folder, "warehouse.duckdb"), ct: Ct);
        await FillAsync();
    }

    protected abstract Task FillAsync();

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
