using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorContacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ManagersAlertedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_PoliceIncidents_ReceivedAt",
                table: "ChronologyEvents",
                column: "ReceivedAt",
                filter: "\"Type\" = 'PoliceIncident'");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ChildId_ReceivedAt",
                table: "Contacts",
                columns: new[] { "ChildId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_DecidedAt_DueAt",
                table: "Contacts",
                columns: new[] { "DecidedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_EventId",
                table: "Contacts",
                column: "EventId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_PoliceIncidents_ReceivedAt",
                table: "ChronologyEvents");
        }
    }
}
