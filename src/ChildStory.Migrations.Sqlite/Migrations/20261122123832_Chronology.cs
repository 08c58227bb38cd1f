using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Chronology : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChronologyEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Sensitivity = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SensitiveContact = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Facts_AttendancePercent = table.Column<decimal>(type: "TEXT", nullable: true),
                    Facts_ChildPresent = table.Column<bool>(type: "INTEGER", nullable: true),
                    Facts_ChildSeen = table.Column<bool>(type: "INTEGER", nullable: true),
                    Facts_ChildSeenAlone = table.Column<bool>(type: "INTEGER", nullable: true),
                    Facts_DomesticAbuse = table.Column<bool>(type: "INTEGER", nullable: true),
                    Facts_PeriodEnd = table.Column<string>(type: "TEXT", nullable: true),
                    Facts_Planned = table.Column<bool>(type: "INTEGER", nullable: true),
                    Facts_Successful = table.Column<bool>(type: "INTEGER", nullable: true),
                    Subject_DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Subject_FamilyName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject_GivenName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject_NhsNumber = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Subject_Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Subject_Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Subject_Sex = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Subject_Upn = table.Column<string>(type: "TEXT", maxLength: 13, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChronologyEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChronologyEvents_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChronologyEvents_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonReferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonReferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonReferences_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonReferences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_AgencyId_IdempotencyKey",
                table: "ChronologyEvents",
                columns: new[] { "AgencyId", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_ChildId_OccurredAt",
                table: "ChronologyEvents",
                columns: new[] { "ChildId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonReferences_AgencyId_Reference",
                table: "PersonReferences",
                columns: new[] { "AgencyId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonReferences_PersonId",
                table: "PersonReferences",
                column: "PersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChronologyEvents");

            migrationBuilder.DropTable(
                name: "PersonReferences");
        }
    }
}
