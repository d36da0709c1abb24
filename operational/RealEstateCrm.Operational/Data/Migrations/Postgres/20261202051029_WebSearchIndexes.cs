using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebSearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_lead_project_id",
                table: "lead");

            migrationBuilder.DropIndex(
                name: "ix_call_list_entry_lead_id",
                table: "call_list_entry");

            migrationBuilder.CreateIndex(
                name: "ix_lead_project_id_status_wanted_bedrooms_budget_id",
                table: "lead",
                columns: new[] { "project_id", "status", "wanted_bedrooms", "budget", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_customer_city",
                table: "customer",
                column: "city");

            migrationBuilder.CreateIndex(
                name: "ix_customer_segment_income_band",
                table: "customer",
                columns: new[] { "segment", "income_band" });

            migrationBuilder.CreateIndex(
                name: "ix_call_list_entry_lead_id_call_list_id_score",
                table: "call_list_entry",
                columns: new[] { "lead_id", "call_list_id", "score" });

            // The unit search compares and sorts area and list price as doubles (UnitSearch says why); EF cannot model
            // an index on an expression, so these two are written by hand and left alone by later migrations.
            migrationBuilder.Sql("CREATE INDEX ix_unit_status_area_number ON unit (status, (area::double precision));");
            migrationBuilder.Sql("CREATE INDEX ix_unit_status_list_price_number ON unit (status, (list_price::double precision));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX ix_unit_status_area_number;");
            migrationBuilder.Sql("DROP INDEX ix_unit_status_list_price_number;");

            migrationBuilder.DropIndex(
                name: "ix_lead_project_id_status_wanted_bedrooms_budget_id",
                table: "lead");

            migrationBuilder.DropIndex(
                name: "ix_customer_city",
                table: "customer");

            migrationBuilder.DropIndex(
                name: "ix_customer_segment_income_band",
                table: "customer");

            migrationBuilder.DropIndex(
                name: "ix_call_list_entry_lead_id_call_list_id_score",
                table: "call_list_entry");

            migrationBuilder.CreateIndex(
                name: "ix_lead_project_id",
                table: "lead",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_list_entry_lead_id",
                table: "call_list_entry",
                column: "lead_id");
        }
    }
}
