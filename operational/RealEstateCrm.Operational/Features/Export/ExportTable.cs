using RealEstateCrm.Operational.Data;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace RealEstateCrm.Operational.Features.Export;

public enum ExportFormat { Csv, Xlsx }

/// <summary>Writes one table of the model (any of them, by table or class name) to CSV or XLSX, one column
/// per stored column under its snake_case name. Rows stream from the database to the file, so a table of
/// a million customers never sits in memory.</summary>
[UseCase]
public sealed class ExportTable(CrmDbContext db)
{
    public sealed record Request(string Entity, ExportFormat Format);

    /// <summary>Writes the table to <paramref name="output"/> and returns the number of rows written.</summary>
    public async Task<long> Handle(Request request, Stream output, CancellationToken ct = default)
    {
        var table = StoredTable.Find(db, request.Entity);
        return request.Format switch
        {
            ExportFormat.Csv => await WriteCsv(table, output, ct),
            _ => WriteXlsx(table, output),
        };
    }

    private async Task<long> WriteCsv(StoredTable table, Stream output, CancellationToken ct)
    {
        long rows = 0;
        await using var csv = new CsvWriter(output);
        await csv.WriteRow(table.ColumnNames);
        await foreach (var row in table.ReadRows(db, ct))
        {
            await csv.WriteRow(row.Select(CellText.Format));
            rows++;
        }
        return rows;
    }

    private long WriteXlsx(StoredTable table, Stream output)
    {
        long rows = 0;
        // MiniExcel pulls the rows as it writes the sheet; numbers stay numbers so Excel can sum them,
        // everything else (codes, phones, ID numbers) is text so no leading zero or digit is lost.
        var sheet = table.ReadRowsSync(db).Select(row =>
        {
            rows++;
            var cells = new Dictionary<string, object?>(row.Length);
            for (var i = 0; i < row.Length; i++)
                cells[table.ColumnNames[i]] = row[i] is int or long or decimal or double ? row[i] : CellText.Format(row[i]);
            return cells;
        });
        MiniExcel.SaveAs(output, sheet, excelType: MiniExcelLibs.ExcelType.XLSX);
        return rows;
    }
}
