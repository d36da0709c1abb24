using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LeadProjectCustomerIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_lead_project_id_customer_id",
                table: "lead",
                columns: new[] { "project_id", "customer_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_lead_project_id_customer_id",
                table: "lead");
        }
    }
}
