using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProfessionalDifferences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProfessionalDifferences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedByAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Concerns = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SubjectAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    WhyItMatters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    OutcomeSought = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkText = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CurrentStage = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResolvedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ChangeForChild = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProfessionalDifferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProfessionalDifferences_Agencies_RaisedByAgencyId",
                        column: x => x.RaisedByAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProfessionalDifferences_Agencies_SubjectAgencyId",
                        column: x => x.SubjectAgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProfessionalDifferences_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DifferenceStages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DifferenceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RespondedAt = table.Column<string>(type: "TEXT", nullable: true),
                    RespondedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    RespondedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Answered = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedAt = table.Column<string>(type: "TEXT", nullable: true),
                    MovedUpEarly = table.Column<bool>(type: "INTEGER", nullable: false),
                    MoveUpReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OverdueToldAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DifferenceStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DifferenceStages_ProfessionalDifferences_DifferenceId",
                        column: x => x.DifferenceId,
                        principalTable: "ProfessionalDifferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DifferenceStages_DifferenceId_Number",
                table: "DifferenceStages",
                columns: new[] { "DifferenceId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DifferenceStages_EndedAt_RespondedAt_DueAt",
                table: "DifferenceStages",
                columns: new[] { "EndedAt", "RespondedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalDifferences_ChildId_Status",
                table: "ProfessionalDifferences",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalDifferences_RaisedByAgencyId",
                table: "ProfessionalDifferences",
                column: "RaisedByAgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalDifferences_RaisedById_Status",
                table: "ProfessionalDifferences",
                columns: new[] { "RaisedById", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ProfessionalDifferences_SubjectAgencyId_Status",
                table: "ProfessionalDifferences",
                columns: new[] { "SubjectAgencyId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DifferenceStages");

            migrationBuilder.DropTable(
                name: "ProfessionalDifferences");
        }
    }
}
