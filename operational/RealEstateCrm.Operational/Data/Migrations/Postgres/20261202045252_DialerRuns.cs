using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RealEstateCrm.Operational.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DialerRuns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dialer_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    skill = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    started_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    stopped_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    stopped_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialer_run", x => x.id);
                    table.ForeignKey(
                        name: "fk_dialer_run_call_lists_call_list_id",
                        column: x => x.call_list_id,
                        principalTable: "call_list",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dialer_run_users_started_by_user_id",
                        column: x => x.started_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dialer_run_users_stopped_by_user_id",
                        column: x => x.stopped_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "dialer_call",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    dialer_run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_list_entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    agent_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    placed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dialer_call", x => x.id);
                    table.ForeignKey(
                        name: "fk_dialer_call_call_list_entries_call_list_entry_id",
                        column: x => x.call_list_entry_id,
                        principalTable: "call_list_entry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_dialer_call_dialer_runs_dialer_run_id",
                        column: x => x.dialer_run_id,
                        principalTable: "dialer_run",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_dialer_call_call_id",
                table: "dialer_call",
                column: "call_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_dialer_call_call_list_entry_id",
                table: "dialer_call",
                column: "call_list_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_dialer_call_dialer_run_id_outcome",
                table: "dialer_call",
                columns: new[] { "dialer_run_id", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_dialer_run_call_list_id_stopped_at",
                table: "dialer_run",
                columns: new[] { "call_list_id", "stopped_at" });

            migrationBuilder.CreateIndex(
                name: "ix_dialer_run_started_by_user_id",
                table: "dialer_run",
                column: "started_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_dialer_run_stopped_by_user_id",
                table: "dialer_run",
                column: "stopped_by_user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dialer_call");

            migrationBuilder.DropTable(
                name: "dialer_run");
        }
    }
}
