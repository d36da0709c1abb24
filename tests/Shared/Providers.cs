using RealEstateCrm.Operational.Data;

namespace RealEstateCrm.Testing;

/// <summary>Every database test runs once per real provider: the embedded SQLite and a PostgreSQL server.</summary>
public sealed class Providers : TheoryData<DatabaseProvider>
{
    public Providers()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
