using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StoryCoveringIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_ChildId_OccurredAt",
                table: "ChronologyEvents");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_ChildId_OccurredAt",
                table: "ChronologyEvents",
                columns: new[] { "ChildId", "OccurredAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "AgencyId", "Type", "Significant" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_ChildId_OccurredAt",
                table: "ChronologyEvents");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_ChildId_OccurredAt",
                table: "ChronologyEvents",
                columns: new[] { "ChildId", "OccurredAt" });
        }
    }
}
