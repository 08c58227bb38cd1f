using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditCheckpoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditCheckpoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Mac = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditCheckpoints", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditCheckpoints_Sequence",
                table: "AuditCheckpoints",
                column: "Sequence");

            // Checkpoints are append-only in the database too, like the log they sign (see Features/Audit/README.md).
            migrationBuilder.Sql("CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'AuditCheckpoints is append-only'; END; $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_update_or_delete\" BEFORE UPDATE OR DELETE ON \"AuditCheckpoints\" FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_truncate\" BEFORE TRUNCATE ON \"AuditCheckpoints\" FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_truncate\" ON \"AuditCheckpoints\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_update_or_delete\" ON \"AuditCheckpoints\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_checkpoints_append_only();");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
