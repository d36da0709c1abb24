using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using RealEstateCrm.Operational.Data;
using RealEstateCrm.Operational.Outbox;

namespace RealEstateCrm.Etl.Batch;

/// <summary>The outbox table's names as the model maps them, for the plain commands that read it (<see cref="OutboxChanges"/>):
/// a LINQ query costs its compilation in every process, 0.2 s of a small incremental run, and a run is a process of its own.</summary>
internal sealed record OutboxTable(string Table, string Sequence, string Entity, string EntityKey, string Operation)
{
    public static OutboxTable Of(CrmDbContext db)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var type = db.Model.FindEntityType(typeof(OutboxMessage))!;
        string Column(string property) => sql.DelimitIdentifier(type.FindProperty(property)!.GetColumnName());
        return new(sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema()), Column(nameof(OutboxMessage.Sequence)),
            Column(nameof(OutboxMessage.Entity)), Column(nameof(OutboxMessage.EntityKey)), Column(nameof(OutboxMessage.Operation)));
    }

    /// <summary>A command on the context's (open) connection and inside its transaction, if any.</summary>
    public DbCommand Command(CrmDbContext db, string sql, params (string Name, long Value)[] parameters)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, value);
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
