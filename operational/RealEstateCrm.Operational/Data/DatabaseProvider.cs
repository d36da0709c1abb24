namespace RealEstateCrm.Operational.Data;

public enum DatabaseProvider { Sqlite, Postgres, SqlServer }
