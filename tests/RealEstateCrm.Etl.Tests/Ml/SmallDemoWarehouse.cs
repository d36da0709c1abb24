using RealEstateCrm.Etl.Batch;
using RealEstateCrm.Ml.Features;
using RealEstateCrm.Ml.Registry;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.DemoData;
using RealEstateCrm.Testing;
using RealEstateCrm.Warehouse;

namespace RealEstateCrm.Etl.Tests.Ml;

/// <summary>The small demo data set (the one <c>crm demo</c> loads) on SQLite, loaded into a warehouse with the
/// feature views, and an empty model registry; shared by the model-quality tests, which only read it.</summary>
public sealed class SmallDemoWarehouse : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("crm-ml-test-").FullName;

    public TestDatabase Operational { get; private set; } = null!;
    public WarehouseDatabase Warehouse { get; private set; } = null!;
    public ModelRegistry Registry => new(Path.Combine(_folder, "models"));

    public async ValueTask InitializeAsync()
    {
        Operational = await TestDatabase.Create(DatabaseProvider.Sqlite);
        await new DemoSeeder(Operational.Database).SeedAsync(new SeedOptions(SeedScale.Small));
        Warehouse = await WarehouseDatabase.OpenAsync(Path.Combine(_folder, "warehouse.duckdb"));
        await new NightlyEtl(Operational.Database, Warehouse, new EtlTestBed.FixedClock(EtlTestBed.RunTime)).RunAsync(full: true);
        await FeatureViews.InstallAsync(Warehouse);
    }

    public async ValueTask DisposeAsync()
    {
        await Warehouse.DisposeAsync();
        await Operational.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
