using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReferralServices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceiveDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DecideDays = table.Column<int>(type: "INTEGER", nullable: false),
                    AllocateDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstContactDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FastTrackHours = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReferralServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReferralServices_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ReferralServices_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferrerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReferrerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferrerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SentAt = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AllocatedAt = table.Column<string>(type: "TEXT", nullable: true),
                    AllocatedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FirstContactAt = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WithdrawnAt = table.Column<string>(type: "TEXT", nullable: true),
                    WithdrawReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CriticalMomentAt = table.Column<string>(type: "TEXT", nullable: true),
                    CriticalMomentNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextDueAt = table.Column<string>(type: "TEXT", nullable: true),
                    NextDueExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EscalatedForDueAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_ReferralServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "ReferralServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_SentAt",
                table: "Referrals",
                columns: new[] { "ChildId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_NextDueAt",
                table: "Referrals",
                column: "NextDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ServiceId_Stage",
                table: "Referrals",
                columns: new[] { "ServiceId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_ReferralServices_AgencyId",
                table: "ReferralServices",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralServices_TeamId",
                table: "ReferralServices",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ReferralServices");
        }
    }
}
