using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StoryIndexesAndFollowThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BankHolidays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BankHolidays", x => x.Date);
                });

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
                    RoutedToEmergencyDuty = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    ReadAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutgoingEmails",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 320, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    SentAt = table.Column<string>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<string>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutgoingEmails", x => x.Id);
                });

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
                name: "Shares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SenderAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    LawfulBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BasisReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WithinDays = table.Column<int>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Packet_OpenConcerns = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Packet_Plans = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Packet_KeyContacts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Packet_SoftIntelligence = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    Packet_IncludesChronology = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shares", x => x.Id);
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

            migrationBuilder.CreateTable(
                name: "ShareAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareAttachments_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareEvents",
                columns: table => new
                {
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareEvents", x => new { x.ShareId, x.EventId });
                    table.ForeignKey(
                        name: "FK_ShareEvents_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ShareRecipients",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShareId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OutOfHoursRoute = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<string>(type: "TEXT", nullable: true),
                    ReadById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedAt = table.Column<string>(type: "TEXT", nullable: true),
                    AcknowledgedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ActionedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ActionedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ActionTaken = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NoActionNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChaseStep = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChasedAt = table.Column<string>(type: "TEXT", nullable: true),
                    EscalatedToRecipientManagerAt = table.Column<string>(type: "TEXT", nullable: true),
                    EscalatedToSenderManagerAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ShareRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ShareRecipients_Shares_ShareId",
                        column: x => x.ShareId,
                        principalTable: "Shares",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_PractitionerId_CreatedAt",
                table: "Notifications",
                columns: new[] { "PractitionerId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutgoingEmails_SentAt_NextAttemptAt",
                table: "OutgoingEmails",
                columns: new[] { "SentAt", "NextAttemptAt" });

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

            migrationBuilder.CreateIndex(
                name: "IX_ShareAttachments_ShareId",
                table: "ShareAttachments",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareRecipients_AcknowledgedAt_DueAt",
                table: "ShareRecipients",
                columns: new[] { "AcknowledgedAt", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ShareRecipients_AgencyId",
                table: "ShareRecipients",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareRecipients_PractitionerId",
                table: "ShareRecipients",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareRecipients_ShareId",
                table: "ShareRecipients",
                column: "ShareId");

            migrationBuilder.CreateIndex(
                name: "IX_ShareRecipients_TeamId",
                table: "ShareRecipients",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Shares_ChildId_SentAt",
                table: "Shares",
                columns: new[] { "ChildId", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Shares_SenderId_SentAt",
                table: "Shares",
                columns: new[] { "SenderId", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BankHolidays");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OutgoingEmails");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "ShareAttachments");

            migrationBuilder.DropTable(
                name: "ShareEvents");

            migrationBuilder.DropTable(
                name: "ShareRecipients");

            migrationBuilder.DropTable(
                name: "ReferralServices");

            migrationBuilder.DropTable(
                name: "Shares");

            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_PoliceIncidents_ReceivedAt",
                table: "ChronologyEvents");
        }
    }
}
