using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoryAndIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreatedFromIntake",
                table: "People",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "People",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AmendedAt",
                table: "ChronologyEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "EnteredById",
                table: "ChronologyEvents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "EnteredInError",
                table: "ChronologyEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LinkBasis",
                table: "ChronologyEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "LinkScore",
                table: "ChronologyEvents",
                type: "REAL",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MatchState",
                table: "ChronologyEvents",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SubjectKey",
                table: "ChronologyEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ChronologyEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Events already held: linked ones are linked, the rest await the matcher; each is at its first version.
            migrationBuilder.Sql("UPDATE \"ChronologyEvents\" SET \"MatchState\" = CASE WHEN \"ChildId\" IS NULL THEN 'Pending' ELSE 'Linked' END, \"Version\" = 1;");

            migrationBuilder.CreateTable(
                name: "EventRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Verification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EnteredInError = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReplacedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ReplacedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EventRevisions_ChronologyEvents_EventId",
                        column: x => x.EventId,
                        principalTable: "ChronologyEvents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MatchReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LinkedPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_MatchReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchReviews_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MatchReviews_People_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonMerges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SurvivorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedAt = table.Column<string>(type: "TEXT", nullable: false),
                    MergedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    UndoneAt = table.Column<string>(type: "TEXT", nullable: true),
                    UndoneById = table.Column<Guid>(type: "TEXT", nullable: true),
                    UndoneBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UndoReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonMerges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonMerges_People_MergedId",
                        column: x => x.MergedId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonMerges_People_SurvivorId",
                        column: x => x.SurvivorId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MergeMoves",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MergeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RowId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromPersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MergeMoves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MergeMoves_PersonMerges_MergeId",
                        column: x => x.MergeId,
                        principalTable: "PersonMerges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_MatchState_AgencyId_SubjectKey",
                table: "ChronologyEvents",
                columns: new[] { "MatchState", "AgencyId", "SubjectKey" },
                filter: "\"MatchState\" <> 'Linked'");

            migrationBuilder.CreateIndex(
                name: "IX_EventRevisions_EventId_Version",
                table: "EventRevisions",
                columns: new[] { "EventId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_AgencyId_SubjectKey_Status",
                table: "MatchReviews",
                columns: new[] { "AgencyId", "SubjectKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_CandidateId",
                table: "MatchReviews",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_Status_CreatedAt",
                table: "MatchReviews",
                columns: new[] { "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MergeMoves_MergeId",
                table: "MergeMoves",
                column: "MergeId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_MergedId",
                table: "PersonMerges",
                column: "MergedId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonMerges_SurvivorId",
                table: "PersonMerges",
                column: "SurvivorId");

            migrationBuilder.AddForeignKey(
                name: "FK_People_People_MergedIntoId",
                table: "People",
                column: "MergedIntoId",
                principalTable: "People",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_People_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropTable(
                name: "EventRevisions");

            migrationBuilder.DropTable(
                name: "MatchReviews");

            migrationBuilder.DropTable(
                name: "MergeMoves");

            migrationBuilder.DropTable(
                name: "PersonMerges");

            migrationBuilder.DropIndex(
                name: "IX_People_MergedIntoId",
                table: "People");

            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_MatchState_AgencyId_SubjectKey",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "CreatedFromIntake",
                table: "People");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "People");

            migrationBuilder.DropColumn(
                name: "AmendedAt",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "EnteredById",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "EnteredInError",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "LinkBasis",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "LinkScore",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "MatchState",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "SubjectKey",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ChronologyEvents");
        }
    }
}
