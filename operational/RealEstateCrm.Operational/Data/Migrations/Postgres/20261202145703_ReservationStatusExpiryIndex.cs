using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ReservationStatusExpiryIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_reservation_status_expires_at",
                table: "reservation",
                columns: new[] { "status", "expires_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_reservation_status_expires_at",
                table: "reservation");
        }
    }
}
