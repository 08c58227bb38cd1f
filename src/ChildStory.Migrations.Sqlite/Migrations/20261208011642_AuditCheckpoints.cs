using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Mac = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_update\" BEFORE UPDATE ON \"AuditCheckpoints\" BEGIN SELECT RAISE(ABORT, 'AuditCheckpoints is append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditCheckpoints_no_delete\" BEFORE DELETE ON \"AuditCheckpoints\" BEGIN SELECT RAISE(ABORT, 'AuditCheckpoints is append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_update\";");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditCheckpoints_no_delete\";");

            migrationBuilder.DropTable(
                name: "AuditCheckpoints");
        }
    }
}
