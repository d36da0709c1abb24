using System.Text;
using RealEstateCrm.Operational.Domain.Common;
using RealEstateCrm.Operational.Features.Import;
using static RealEstateCrm.Operational.Tests.Import.ImportTestData;

namespace RealEstateCrm.Operational.Tests.Import;

public sealed class TabularFileTests
{
    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_rows_keep_their_line_numbers()
    {
        var file = Csv("code,address,name", "C1,\"杭州市西湖区文三路 1 号, 2 幢\",张伟", "C2,\"他说\"\"你好\"\"\r\n第二行\",王芳", "", "C3,,李娜");

        Assert.Equal(["code", "address", "name"], file.Headers);
        Assert.Equal([2, 3, 6], file.Rows.Select(r => r.Line));
        Assert.Equal("杭州市西湖区文三路 1 号, 2 幢", file.Rows[0].Cells[1]);
        Assert.Equal("他说\"你好\"\r\n第二行", file.Rows[1].Cells[1]);
        Assert.Equal("", file.Rows[2].Cells[1]);
    }

    [Fact]
    public void A_utf8_bom_is_not_part_of_the_first_header()
    {
        var file = CsvBytes([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes("客户编号,姓名\nC1,张伟\n")]);

        Assert.Equal(["客户编号", "姓名"], file.Headers);
        Assert.Equal("张伟", file.Rows.Single().Cells[1]);
    }

    [Fact]
    public void Xlsx_rows_keep_their_sheet_row_numbers_across_blank_rows()
    {
        var xlsx = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(xlsx, new[]
        {
            new Dictionary<string, object?> { ["客户编号"] = "C1", ["姓名"] = "张伟" },
            new Dictionary<string, object?> { ["客户编号"] = null, ["姓名"] = null },
            new Dictionary<string, object?> { ["客户编号"] = "C3", ["姓名"] = "李娜" },
        }, excelType: MiniExcelLibs.ExcelType.XLSX);

        var file = TabularFile.ReadXlsx(new MemoryStream(xlsx.ToArray()));

        Assert.Equal(["客户编号", "姓名"], file.Headers);
        Assert.Equal([(2, "C1"), (4, "C3")], file.Rows.Select(r => (r.Line, r.Cells[0])));
    }

    [Fact]
    public void An_unclosed_quote_names_the_line_it_starts_on()
    {
        var error = Assert.Throws<ValidationException>(() => Csv("code,name", "C1,张伟", "C2,\"王芳", "C3,李娜"));

        Assert.Equal("line 3", Assert.Single(error.Errors).Field);
    }
}
