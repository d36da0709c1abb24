using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.SqlServer
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
