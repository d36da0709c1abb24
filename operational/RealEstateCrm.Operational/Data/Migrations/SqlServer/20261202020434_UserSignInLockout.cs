using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class UserSignInLockout : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "access_failed_count",
                table: "app_user",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "locked_out_until",
                table: "app_user",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "security_stamp",
                table: "app_user",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "access_failed_count",
                table: "app_user");

            migrationBuilder.DropColumn(
                name: "locked_out_until",
                table: "app_user");

            migrationBuilder.DropColumn(
                name: "security_stamp",
                table: "app_user");
        }
    }
}
