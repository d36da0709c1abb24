using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace RealEstateCrm.Operational.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "audit_entry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    before = table.Column<string>(type: "text", nullable: true),
                    after = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_entry", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "business_parameter",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_business_parameter", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "company",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_company_id = table.Column<Guid>(type: "uuid", nullable: true),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company", x => x.id);
                    table.ForeignKey(
                        name: "fk_company_company_parent_company_id",
                        column: x => x.parent_company_id,
                        principalTable: "company",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "competitor",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competitor", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contractor",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_person = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contractor", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_counter",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_sequence = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_counter", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_message",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "bigint", nullable: false),
                    entity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    entity_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    operation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "text", nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_message", x => x.sequence);
                });

            migrationBuilder.CreateTable(
                name: "questionnaire",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionnaire", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "true_probability",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    subject_id = table.Column<Guid>(type: "uuid", nullable: true),
                    outcome = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    probability = table.Column<double>(type: "double precision", nullable: false),
                    happened = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_true_probability", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "org_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_org_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_org_unit_company_company_id",
                        column: x => x.company_id,
                        principalTable: "company",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_org_unit_org_unit_parent_id",
                        column: x => x.parent_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "question",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_required = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_question", x => x.id);
                    table.ForeignKey(
                        name: "fk_question_questionnaires_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaire",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_function",
                columns: table => new
                {
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    function = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_role_function", x => new { x.role_id, x.function });
                    table.ForeignKey(
                        name: "fk_role_function_role_role_id",
                        column: x => x.role_id,
                        principalTable: "role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "app_user",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_supervisor = table.Column<bool>(type: "boolean", nullable: false),
                    phone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    password_hash = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_app_user", x => x.id);
                    table.ForeignKey(
                        name: "fk_app_user_org_unit_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_category",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    default_department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    sla_hours = table.Column<int>(type: "integer", nullable: false),
                    severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_category", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_category_complaint_category_parent_id",
                        column: x => x.parent_id,
                        principalTable: "complaint_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaint_category_org_unit_default_department_id",
                        column: x => x.default_department_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    org_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    launch_date = table.Column<DateOnly>(type: "date", nullable: true),
                    base_price_per_sqm = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_project_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "company",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_project_org_units_org_unit_id",
                        column: x => x.org_unit_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agent",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    extension = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    seat_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent", x => x.id);
                    table.ForeignKey(
                        name: "fk_agent_users_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "user_role",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_user_role_app_user_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_user_role_role_role_id",
                        column: x => x.role_id,
                        principalTable: "role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "building",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    floors = table.Column<int>(type: "integer", nullable: false),
                    floor_premium_percent = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    planned_handover_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_building", x => x.id);
                    table.ForeignKey(
                        name: "fk_building_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "competitor_project",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    competitor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    district = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    near_project_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competitor_project", x => x.id);
                    table.ForeignKey(
                        name: "fk_competitor_project_competitor_competitor_id",
                        column: x => x.competitor_id,
                        principalTable: "competitor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_competitor_project_project_near_project_id",
                        column: x => x.near_project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "complaint_topic",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_complaint_topic", x => x.id);
                    table.ForeignKey(
                        name: "fk_complaint_topic_complaint_category_category_id",
                        column: x => x.category_id,
                        principalTable: "complaint_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_complaint_topic_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contractor_scope",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contractor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    complaint_category_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contractor_scope", x => x.id);
                    table.ForeignKey(
                        name: "fk_contractor_scope_complaint_category_complaint_category_id",
                        column: x => x.complaint_category_id,
                        principalTable: "complaint_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contractor_scope_contractor_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_contractor_scope_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    gender = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    id_number = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    city = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    income_band = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    segment = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    family_size = table.Column<int>(type: "integer", nullable: false),
                    referral_source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    referred_by_customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_rep_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    home_project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    do_not_call = table.Column<bool>(type: "boolean", nullable: false),
                    marketing_consent = table.Column<bool>(type: "boolean", nullable: false),
                    merged_into_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_customer_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_customer_referred_by_customer_id",
                        column: x => x.referred_by_customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_projects_home_project_id",
                        column: x => x.home_project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_users_assigned_rep_user_id",
                        column: x => x.assigned_rep_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_batch",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    planned_start = table.Column<DateOnly>(type: "date", nullable: false),
                    planned_end = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_batch", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_batch_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "price_list",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    approved_by_user_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_list", x => x.id);
                    table.ForeignKey(
                        name: "fk_price_list_projects_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_price_list_users_approved_by_user_id",
                        column: x => x.approved_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "agent_skill",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: false),
                    skill = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_agent_skill", x => x.id);
                    table.ForeignKey(
                        name: "fk_agent_skill_agent_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agent",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "building_stack",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stack_no = table.Column<int>(type: "integer", nullable: false),
                    layout = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bedrooms = table.Column<int>(type: "integer", nullable: false),
                    area = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    orientation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    base_price_per_sqm = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_building_stack", x => x.id);
                    table.ForeignKey(
                        name: "fk_building_stack_building_building_id",
                        column: x => x.building_id,
                        principalTable: "building",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    building_id = table.Column<Guid>(type: "uuid", nullable: false),
                    floor = table.Column<int>(type: "integer", nullable: false),
                    stack_no = table.Column<int>(type: "integer", nullable: false),
                    room_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    layout = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    bedrooms = table.Column<int>(type: "integer", nullable: false),
                    area = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    orientation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    list_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_unit_building_building_id",
                        column: x => x.building_id,
                        principalTable: "building",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_unit_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_list",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    for_date = table.Column<DateOnly>(type: "date", nullable: false),
                    owner_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_list", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_list_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_list_users_owner_user_id",
                        column: x => x.owner_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "competitor_price_observation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    competitor_project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    observed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    price_per_sqm = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_competitor_price_observation", x => x.id);
                    table.ForeignKey(
                        name: "fk_competitor_price_observation_competitor_projects_competitor_~",
                        column: x => x.competitor_project_id,
                        principalTable: "competitor_project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaign_member",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    added_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    responded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_member", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_member_campaign_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_campaign_member_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_contact",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_contact", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_contact_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "customer_merge",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    survivor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    merged_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    rows_moved = table.Column<int>(type: "integer", nullable: false),
                    merged_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    merged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_merge", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_merge_customer_merged_id",
                        column: x => x.merged_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_customer_merge_customer_survivor_id",
                        column: x => x.survivor_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "customer_tag",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tag = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_customer_tag", x => x.id);
                    table.ForeignKey(
                        name: "fk_customer_tag_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "family_link",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    related_customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    relation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_family_link", x => x.id);
                    table.ForeignKey(
                        name: "fk_family_link_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_family_link_customer_related_customer_id",
                        column: x => x.related_customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "lead",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_no = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    campaign_id = table.Column<Guid>(type: "uuid", nullable: true),
                    assigned_rep_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    budget = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    wanted_bedrooms = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    first_contact_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lost_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    lost_to_competitor_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lead", x => x.id);
                    table.ForeignKey(
                        name: "fk_lead_app_user_assigned_rep_user_id",
                        column: x => x.assigned_rep_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lead_campaign_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaign",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lead_competitor_lost_to_competitor_id",
                        column: x => x.lost_to_competitor_id,
                        principalTable: "competitor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lead_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_lead_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outgoing_message",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    to = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sent_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outgoing_message", x => x.id);
                    table.ForeignKey(
                        name: "fk_outgoing_message_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "discount_approval",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_by_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    decided_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    requested_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_discount_approval", x => x.id);
                    table.ForeignKey(
                        name: "fk_discount_approval_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_discount_approval_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_discount_approval_users_decided_by_user_id",
                        column: x => x.decided_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_discount_approval_users_requested_by_user_id",
                        column: x => x.requested_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inspected_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    handed_over_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_unit_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inspection_unit_inspection_batch_batch_id",
                        column: x => x.batch_id,
                        principalTable: "inspection_batch",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspection_unit_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "price_list_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    price_list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_price_list_item", x => x.id);
                    table.ForeignKey(
                        name: "fk_price_list_item_price_list_price_list_id",
                        column: x => x.price_list_id,
                        principalTable: "price_list",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_price_list_item_units_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_order",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    opened_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    due_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    first_response_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    department_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contractor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    escalation_level = table.Column<int>(type: "integer", nullable: false),
                    resolution = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    reply_to_customer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    replied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    is_warranty = table.Column<bool>(type: "boolean", nullable: false),
                    repair_cost = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    charge_to_customer = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    complaint_topic_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reopen_count = table.Column<int>(type: "integer", nullable: false),
                    reception_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    inspection_issue_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_order", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_order_complaint_category_category_id",
                        column: x => x.category_id,
                        principalTable: "complaint_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_complaint_topic_complaint_topic_id",
                        column: x => x.complaint_topic_id,
                        principalTable: "complaint_topic",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_contractor_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_org_unit_department_id",
                        column: x => x.department_id,
                        principalTable: "org_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_work_order_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_list_entry",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_list_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rank = table.Column<int>(type: "integer", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    best_hour = table.Column<int>(type: "integer", nullable: true),
                    disposition = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    disposition_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    next_action_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_list_entry", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_list_entry_call_list_call_list_id",
                        column: x => x.call_list_id,
                        principalTable: "call_list",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_call_list_entry_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_list_entry_leads_lead_id",
                        column: x => x.lead_id,
                        principalTable: "lead",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rep_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    visited_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    party = table.Column<int>(type: "integer", nullable: false),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_visit", x => x.id);
                    table.ForeignKey(
                        name: "fk_visit_app_user_rep_user_id",
                        column: x => x.rep_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_lead_lead_id",
                        column: x => x.lead_id,
                        principalTable: "lead",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_visit_project_project_id",
                        column: x => x.project_id,
                        principalTable: "project",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reservation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    rep_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    reserved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    deposit = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    list_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    discount_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    agreed_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    discount_approval_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reservation", x => x.id);
                    table.ForeignKey(
                        name: "fk_reservation_app_user_rep_user_id",
                        column: x => x.rep_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reservation_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reservation_discount_approval_discount_approval_id",
                        column: x => x.discount_approval_id,
                        principalTable: "discount_approval",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reservation_lead_lead_id",
                        column: x => x.lead_id,
                        principalTable: "lead",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reservation_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "compensation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    granted_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compensation", x => x.id);
                    table.ForeignKey(
                        name: "fk_compensation_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_compensation_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contractor_charge_back",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    contractor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    charged_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    note = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contractor_charge_back", x => x.id);
                    table.ForeignKey(
                        name: "fk_contractor_charge_back_contractor_contractor_id",
                        column: x => x.contractor_id,
                        principalTable: "contractor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contractor_charge_back_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_issue",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    inspection_unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    severity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    found_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fixed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inspection_issue", x => x.id);
                    table.ForeignKey(
                        name: "fk_inspection_issue_complaint_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "complaint_category",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_inspection_issue_inspection_units_inspection_unit_id",
                        column: x => x.inspection_unit_id,
                        principalTable: "inspection_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_inspection_issue_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "return_visit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    questionnaire_id = table.Column<Guid>(type: "uuid", nullable: false),
                    visited_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    by_user = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    satisfied = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_return_visit", x => x.id);
                    table.ForeignKey(
                        name: "fk_return_visit_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_return_visit_questionnaire_questionnaire_id",
                        column: x => x.questionnaire_id,
                        principalTable: "questionnaire",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_return_visit_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "work_order_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    by_user = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_work_order_event", x => x.id);
                    table.ForeignKey(
                        name: "fk_work_order_event_work_order_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "call_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    callee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    queue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    agent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    enqueued_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    answered_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    wait_seconds = table.Column<int>(type: "integer", nullable: false),
                    talk_seconds = table.Column<int>(type: "integer", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ivr_path = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recording_file = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    call_list_entry_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_call_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_call_record_agent_agent_id",
                        column: x => x.agent_id,
                        principalTable: "agent",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_record_call_list_entries_call_list_entry_id",
                        column: x => x.call_list_entry_id,
                        principalTable: "call_list_entry",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_record_call_record_parent_id",
                        column: x => x.parent_id,
                        principalTable: "call_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_call_record_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "contract",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reservation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    rep_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    list_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    discount_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    final_price = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    area = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    payment_method = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contract", x => x.id);
                    table.ForeignKey(
                        name: "fk_contract_app_user_rep_user_id",
                        column: x => x.rep_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_reservations_reservation_id",
                        column: x => x.reservation_id,
                        principalTable: "reservation",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_contract_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "answer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    return_visit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_id = table.Column<Guid>(type: "uuid", nullable: false),
                    score = table.Column<int>(type: "integer", nullable: true),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_answer", x => x.id);
                    table.ForeignKey(
                        name: "fk_answer_question_question_id",
                        column: x => x.question_id,
                        principalTable: "question",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_answer_return_visits_return_visit_id",
                        column: x => x.return_visit_id,
                        principalTable: "return_visit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reception_record",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    call_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reception_record", x => x.id);
                    table.ForeignKey(
                        name: "fk_reception_record_app_user_received_by_user_id",
                        column: x => x.received_by_user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reception_record_call_record_call_record_id",
                        column: x => x.call_record_id,
                        principalTable: "call_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reception_record_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_reception_record_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "voicemail",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_record_id = table.Column<Guid>(type: "uuid", nullable: true),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: true),
                    caller = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    file = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    duration_seconds = table.Column<int>(type: "integer", nullable: false),
                    work_order_id = table.Column<Guid>(type: "uuid", nullable: true),
                    heard = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voicemail", x => x.id);
                    table.ForeignKey(
                        name: "fk_voicemail_call_record_call_record_id",
                        column: x => x.call_record_id,
                        principalTable: "call_record",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_voicemail_customers_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_voicemail_work_orders_work_order_id",
                        column: x => x.work_order_id,
                        principalTable: "work_order",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cancellation",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    customer_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reservation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cancelled_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    competitor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    refund_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    notes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cancellation", x => x.id);
                    table.ForeignKey(
                        name: "fk_cancellation_competitor_competitor_id",
                        column: x => x.competitor_id,
                        principalTable: "competitor",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cancellation_contracts_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cancellation_customer_customer_id",
                        column: x => x.customer_id,
                        principalTable: "customer",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cancellation_reservations_reservation_id",
                        column: x => x.reservation_id,
                        principalTable: "reservation",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cancellation_unit_unit_id",
                        column: x => x.unit_id,
                        principalTable: "unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "mortgage",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bank = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    term_years = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decided_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    disbursed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    rejection_reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_mortgage", x => x.id);
                    table.ForeignKey(
                        name: "fk_mortgage_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "payment_schedule_item",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    seq = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    paid_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    paid_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment_schedule_item", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_schedule_item_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "payment",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    contract_id = table.Column<Guid>(type: "uuid", nullable: false),
                    schedule_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    paid_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    receipt_no = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payment", x => x.id);
                    table.ForeignKey(
                        name: "fk_payment_contract_contract_id",
                        column: x => x.contract_id,
                        principalTable: "contract",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_payment_payment_schedule_items_schedule_item_id",
                        column: x => x.schedule_item_id,
                        principalTable: "payment_schedule_item",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "business_parameter",
                columns: new[] { "key", "description", "value" },
                values: new object[,]
                {
                    { "marketing.max-calls-per-customer-per-week", "outbound call cap per customer per week", "2" },
                    { "sales.max-discount-without-approval", "percent a rep may grant without a manager's approval", "3" },
                    { "sales.reservation-hold-days", "days a reservation holds a unit before the contract must be signed", "7" },
                    { "service.escalate-after-sla-fraction", "a work order escalates once this fraction of its SLA has passed unresolved", "0.8" }
                });

            migrationBuilder.InsertData(
                table: "outbox_counter",
                columns: new[] { "id", "last_sequence" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_agent_agent_no",
                table: "agent",
                column: "agent_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agent_extension",
                table: "agent",
                column: "extension",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_agent_user_id",
                table: "agent",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_agent_skill_agent_id_skill",
                table: "agent_skill",
                columns: new[] { "agent_id", "skill" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_answer_question_id",
                table: "answer",
                column: "question_id");

            migrationBuilder.CreateIndex(
                name: "ix_answer_return_visit_id",
                table: "answer",
                column: "return_visit_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_org_unit_id",
                table: "app_user",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_app_user_user_name",
                table: "app_user",
                column: "user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_at",
                table: "audit_entry",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_entry_entity_entity_key",
                table: "audit_entry",
                columns: new[] { "entity", "entity_key" });

            migrationBuilder.CreateIndex(
                name: "ix_building_project_id_name",
                table: "building",
                columns: new[] { "project_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_building_stack_building_id_stack_no",
                table: "building_stack",
                columns: new[] { "building_id", "stack_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_call_list_campaign_id",
                table: "call_list",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_list_owner_user_id_for_date",
                table: "call_list",
                columns: new[] { "owner_user_id", "for_date" });

            migrationBuilder.CreateIndex(
                name: "ix_call_list_entry_call_list_id",
                table: "call_list_entry",
                column: "call_list_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_list_entry_customer_id",
                table: "call_list_entry",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_list_entry_lead_id",
                table: "call_list_entry",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_record_agent_id",
                table: "call_record",
                column: "agent_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_record_call_id",
                table: "call_record",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_record_call_list_entry_id",
                table: "call_record",
                column: "call_list_entry_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_record_customer_id_started_at",
                table: "call_record",
                columns: new[] { "customer_id", "started_at" });

            migrationBuilder.CreateIndex(
                name: "ix_call_record_parent_id",
                table: "call_record",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_call_record_started_at",
                table: "call_record",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_code",
                table: "campaign",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_project_id",
                table: "campaign",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_member_campaign_id_customer_id",
                table: "campaign_member",
                columns: new[] { "campaign_id", "customer_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_member_customer_id",
                table: "campaign_member",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_cancellation_competitor_id",
                table: "cancellation",
                column: "competitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_cancellation_contract_id",
                table: "cancellation",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_cancellation_customer_id",
                table: "cancellation",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_cancellation_reservation_id",
                table: "cancellation",
                column: "reservation_id");

            migrationBuilder.CreateIndex(
                name: "ix_cancellation_unit_id",
                table: "cancellation",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_company_code",
                table: "company",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_company_parent_company_id",
                table: "company",
                column: "parent_company_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_customer_id",
                table: "compensation",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_compensation_work_order_id",
                table: "compensation",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_competitor_name",
                table: "competitor",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competitor_price_observation_competitor_project_id_observed~",
                table: "competitor_price_observation",
                columns: new[] { "competitor_project_id", "observed_on" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_competitor_project_competitor_id",
                table: "competitor_project",
                column: "competitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_competitor_project_near_project_id",
                table: "competitor_project",
                column: "near_project_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_category_code",
                table: "complaint_category",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_complaint_category_default_department_id",
                table: "complaint_category",
                column: "default_department_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_category_parent_id",
                table: "complaint_category",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_topic_category_id",
                table: "complaint_topic",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_complaint_topic_project_id",
                table: "complaint_topic",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_contract_no",
                table: "contract",
                column: "contract_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contract_customer_id",
                table: "contract",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_rep_user_id",
                table: "contract",
                column: "rep_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_reservation_id",
                table: "contract",
                column: "reservation_id");

            migrationBuilder.CreateIndex(
                name: "ix_contract_unit_id",
                table: "contract",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_contractor_name",
                table: "contractor",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_contractor_charge_back_contractor_id",
                table: "contractor_charge_back",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_contractor_charge_back_work_order_id",
                table: "contractor_charge_back",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_contractor_scope_complaint_category_id",
                table: "contractor_scope",
                column: "complaint_category_id");

            migrationBuilder.CreateIndex(
                name: "ix_contractor_scope_contractor_id",
                table: "contractor_scope",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_contractor_scope_project_id_complaint_category_id_contracto~",
                table: "contractor_scope",
                columns: new[] { "project_id", "complaint_category_id", "contractor_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_assigned_rep_user_id",
                table: "customer",
                column: "assigned_rep_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_code",
                table: "customer",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_customer_home_project_id",
                table: "customer",
                column: "home_project_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_id_number",
                table: "customer",
                column: "id_number");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merged_into_id",
                table: "customer",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_name",
                table: "customer",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_customer_phone",
                table: "customer",
                column: "phone");

            migrationBuilder.CreateIndex(
                name: "ix_customer_referred_by_customer_id",
                table: "customer",
                column: "referred_by_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_contact_customer_id",
                table: "customer_contact",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_contact_value",
                table: "customer_contact",
                column: "value");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merge_merged_id",
                table: "customer_merge",
                column: "merged_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_merge_survivor_id",
                table: "customer_merge",
                column: "survivor_id");

            migrationBuilder.CreateIndex(
                name: "ix_customer_tag_customer_id_tag",
                table: "customer_tag",
                columns: new[] { "customer_id", "tag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_discount_approval_customer_id",
                table: "discount_approval",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_discount_approval_decided_by_user_id",
                table: "discount_approval",
                column: "decided_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discount_approval_requested_by_user_id",
                table: "discount_approval",
                column: "requested_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_discount_approval_status",
                table: "discount_approval",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_discount_approval_unit_id",
                table: "discount_approval",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_link_customer_id",
                table: "family_link",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_family_link_related_customer_id",
                table: "family_link",
                column: "related_customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_batch_project_id",
                table: "inspection_batch",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_issue_category_id",
                table: "inspection_issue",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_issue_inspection_unit_id",
                table: "inspection_issue",
                column: "inspection_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_issue_work_order_id",
                table: "inspection_issue",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_unit_batch_id_unit_id",
                table: "inspection_unit",
                columns: new[] { "batch_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_inspection_unit_customer_id",
                table: "inspection_unit",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_inspection_unit_unit_id",
                table: "inspection_unit",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_assigned_rep_user_id_status",
                table: "lead",
                columns: new[] { "assigned_rep_user_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_lead_campaign_id",
                table: "lead",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_created_at",
                table: "lead",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_lead_customer_id",
                table: "lead",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_lead_no",
                table: "lead",
                column: "lead_no",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_lead_lost_to_competitor_id",
                table: "lead",
                column: "lost_to_competitor_id");

            migrationBuilder.CreateIndex(
                name: "ix_lead_project_id",
                table: "lead",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_mortgage_contract_id",
                table: "mortgage",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_code",
                table: "org_unit",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_company_id",
                table: "org_unit",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_parent_id",
                table: "org_unit",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_org_unit_path",
                table: "org_unit",
                column: "path");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_message_customer_id",
                table: "outgoing_message",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_outgoing_message_status",
                table: "outgoing_message",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_payment_contract_id",
                table: "payment",
                column: "contract_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_schedule_item_id",
                table: "payment",
                column: "schedule_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_payment_schedule_item_contract_id_seq",
                table: "payment_schedule_item",
                columns: new[] { "contract_id", "seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_price_list_approved_by_user_id",
                table: "price_list",
                column: "approved_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_list_project_id",
                table: "price_list",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_price_list_item_price_list_id_unit_id",
                table: "price_list_item",
                columns: new[] { "price_list_id", "unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_price_list_item_unit_id",
                table: "price_list_item",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_code",
                table: "project",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_project_company_id",
                table: "project",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_project_org_unit_id",
                table: "project",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_question_questionnaire_id",
                table: "question",
                column: "questionnaire_id");

            migrationBuilder.CreateIndex(
                name: "ix_reception_record_call_record_id",
                table: "reception_record",
                column: "call_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_reception_record_customer_id",
                table: "reception_record",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_reception_record_received_by_user_id",
                table: "reception_record",
                column: "received_by_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_reception_record_work_order_id",
                table: "reception_record",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_reservation_customer_id",
                table: "reservation",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_reservation_discount_approval_id",
                table: "reservation",
                column: "discount_approval_id");

            migrationBuilder.CreateIndex(
                name: "ix_reservation_lead_id",
                table: "reservation",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_reservation_rep_user_id",
                table: "reservation",
                column: "rep_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_reservation_unit_id",
                table: "reservation",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_visit_customer_id",
                table: "return_visit",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_visit_questionnaire_id",
                table: "return_visit",
                column: "questionnaire_id");

            migrationBuilder.CreateIndex(
                name: "ix_return_visit_work_order_id",
                table: "return_visit",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_role_code",
                table: "role",
                column: "code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_true_probability_outcome_customer_id",
                table: "true_probability",
                columns: new[] { "outcome", "customer_id" });

            migrationBuilder.CreateIndex(
                name: "ix_unit_building_id_room_no",
                table: "unit",
                columns: new[] { "building_id", "room_no" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_unit_project_id_status",
                table: "unit",
                columns: new[] { "project_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_user_role_role_id",
                table: "user_role",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_customer_id",
                table: "visit",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_lead_id",
                table: "visit",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_project_id",
                table: "visit",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_visit_rep_user_id",
                table: "visit",
                column: "rep_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_voicemail_call_record_id",
                table: "voicemail",
                column: "call_record_id");

            migrationBuilder.CreateIndex(
                name: "ix_voicemail_customer_id",
                table: "voicemail",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_voicemail_work_order_id",
                table: "voicemail",
                column: "work_order_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_category_id",
                table: "work_order",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_complaint_topic_id",
                table: "work_order",
                column: "complaint_topic_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_contractor_id",
                table: "work_order",
                column: "contractor_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_customer_id",
                table: "work_order",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_department_id",
                table: "work_order",
                column: "department_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_number",
                table: "work_order",
                column: "number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_work_order_project_id",
                table: "work_order",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_status_due_at",
                table: "work_order",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_work_order_unit_id",
                table: "work_order",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_work_order_event_work_order_id_at",
                table: "work_order_event",
                columns: new[] { "work_order_id", "at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "agent_skill");

            migrationBuilder.DropTable(
                name: "answer");

            migrationBuilder.DropTable(
                name: "audit_entry");

            migrationBuilder.DropTable(
                name: "building_stack");

            migrationBuilder.DropTable(
                name: "business_parameter");

            migrationBuilder.DropTable(
                name: "campaign_member");

            migrationBuilder.DropTable(
                name: "cancellation");

            migrationBuilder.DropTable(
                name: "compensation");

            migrationBuilder.DropTable(
                name: "competitor_price_observation");

            migrationBuilder.DropTable(
                name: "contractor_charge_back");

            migrationBuilder.DropTable(
                name: "contractor_scope");

            migrationBuilder.DropTable(
                name: "customer_contact");

            migrationBuilder.DropTable(
                name: "customer_merge");

            migrationBuilder.DropTable(
                name: "customer_tag");

            migrationBuilder.DropTable(
                name: "family_link");

            migrationBuilder.DropTable(
                name: "inspection_issue");

            migrationBuilder.DropTable(
                name: "mortgage");

            migrationBuilder.DropTable(
                name: "outbox_counter");

            migrationBuilder.DropTable(
                name: "outbox_message");

            migrationBuilder.DropTable(
                name: "outgoing_message");

            migrationBuilder.DropTable(
                name: "payment");

            migrationBuilder.DropTable(
                name: "price_list_item");

            migrationBuilder.DropTable(
                name: "reception_record");

            migrationBuilder.DropTable(
                name: "role_function");

            migrationBuilder.DropTable(
                name: "true_probability");

            migrationBuilder.DropTable(
                name: "user_role");

            migrationBuilder.DropTable(
                name: "visit");

            migrationBuilder.DropTable(
                name: "voicemail");

            migrationBuilder.DropTable(
                name: "work_order_event");

            migrationBuilder.DropTable(
                name: "question");

            migrationBuilder.DropTable(
                name: "return_visit");

            migrationBuilder.DropTable(
                name: "competitor_project");

            migrationBuilder.DropTable(
                name: "inspection_unit");

            migrationBuilder.DropTable(
                name: "payment_schedule_item");

            migrationBuilder.DropTable(
                name: "price_list");

            migrationBuilder.DropTable(
                name: "role");

            migrationBuilder.DropTable(
                name: "call_record");

            migrationBuilder.DropTable(
                name: "questionnaire");

            migrationBuilder.DropTable(
                name: "work_order");

            migrationBuilder.DropTable(
                name: "inspection_batch");

            migrationBuilder.DropTable(
                name: "contract");

            migrationBuilder.DropTable(
                name: "agent");

            migrationBuilder.DropTable(
                name: "call_list_entry");

            migrationBuilder.DropTable(
                name: "complaint_topic");

            migrationBuilder.DropTable(
                name: "contractor");

            migrationBuilder.DropTable(
                name: "reservation");

            migrationBuilder.DropTable(
                name: "call_list");

            migrationBuilder.DropTable(
                name: "complaint_category");

            migrationBuilder.DropTable(
                name: "discount_approval");

            migrationBuilder.DropTable(
                name: "lead");

            migrationBuilder.DropTable(
                name: "unit");

            migrationBuilder.DropTable(
                name: "campaign");

            migrationBuilder.DropTable(
                name: "competitor");

            migrationBuilder.DropTable(
                name: "customer");

            migrationBuilder.DropTable(
                name: "building");

            migrationBuilder.DropTable(
                name: "app_user");

            migrationBuilder.DropTable(
                name: "project");

            migrationBuilder.DropTable(
                name: "org_unit");

            migrationBuilder.DropTable(
                name: "company");
        }
    }
}
