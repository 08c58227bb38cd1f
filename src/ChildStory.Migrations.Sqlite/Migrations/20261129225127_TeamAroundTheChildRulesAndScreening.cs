using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TeamAroundTheChildRulesAndScreening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "HandedOverFromId",
                table: "Involvements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "IntroducedOn",
                table: "Involvements",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IntroductionNote",
                table: "Involvements",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "Concerns",
                table: "ChronologyEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "Facts_BedroomSeen",
                table: "ChronologyEvents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    RuleVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    ConditionKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RaisedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Guidance = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: false),
                    Audience = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Alerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Alerts_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsAt = table.Column<string>(type: "TEXT", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    OrganiserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganiserName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganiserAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExploitationItem = table.Column<bool>(type: "INTEGER", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ShortNoticeReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ScheduledAt = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    HeldAt = table.Column<string>(type: "TEXT", nullable: true),
                    ChairName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 60000, nullable: true),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildVoice_GatheredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChildVoice_GatheredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildVoice_Method = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildVoice_Words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeadPractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    LeadName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AdultServices = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildVoice_GatheredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChildVoice_GatheredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildVoice_Method = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildVoice_Words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Family_MadeWithFamily = table.Column<bool>(type: "INTEGER", nullable: false),
                    Family_NotWithFamilyReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Family_ParentsViews = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RegisterEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnteredAt = table.Column<string>(type: "TEXT", nullable: false),
                    LeftAt = table.Column<string>(type: "TEXT", nullable: true),
                    Domains = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegisterEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegisterEntries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RuleWork",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QueuedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleWork", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Screenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScreenedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScreenedAt = table.Column<string>(type: "TEXT", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ProposedLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProposedReasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FinalLevel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    JudgementNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChildTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    FamilyTookPart = table.Column<bool>(type: "INTEGER", nullable: false),
                    RescreenOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Screenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Screenings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Timescales",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartedAt = table.Column<string>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueAt = table.Column<string>(type: "TEXT", nullable: false),
                    DueExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    TeamId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SourceContactId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CompletedAt = table.Column<string>(type: "TEXT", nullable: true),
                    CompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CompletedByMeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CompletedByEventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LateReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OverdueAlertedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timescales", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Timescales_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Withdrawals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvolvementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ProposedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Route = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    NoticeEndsAt = table.Column<string>(type: "TEXT", nullable: true),
                    NoticeExplanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LeavesOneAgency = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemainingAgencyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ContestedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    ContestedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContestedAt = table.Column<string>(type: "TEXT", nullable: true),
                    ContestReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DecidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Withdrawals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Withdrawals_Involvements_InvolvementId",
                        column: x => x.InvolvementId,
                        principalTable: "Involvements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Withdrawals_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UploadedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingDocuments_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MeetingInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InviteeName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InvitedAt = table.Column<string>(type: "TEXT", nullable: false),
                    NoticeWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RequiredNoticeWorkingDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ResponseNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportSubmittedAt = table.Column<string>(type: "TEXT", nullable: true),
                    Report = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    ReportBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeetingInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeetingInvitations_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreedActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChildId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    OwnerAgencyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerPractitionerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AgreedAt = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreedActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreedActions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreedActions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreedActions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProgressNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOutcomes_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProgressSummary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    NextReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChildVoice_GatheredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ChildVoice_GatheredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChildVoice_Method = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildVoice_Words = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Family_MadeWithFamily = table.Column<bool>(type: "INTEGER", nullable: false),
                    Family_NotWithFamilyReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Family_ParentsViews = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanReviews_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<string>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanRevisions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Involvements_OneLeadPerChild",
                table: "Involvements",
                column: "ChildId",
                unique: true,
                filter: "\"IsLeadProfessional\"");

            migrationBuilder.CreateIndex(
                name: "IX_ChronologyEvents_Returns_OccurredAt",
                table: "ChronologyEvents",
                column: "OccurredAt",
                filter: "\"Type\" = 'ReturnFromMissing'");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_ChildId_Status_DueOn",
                table: "AgreedActions",
                columns: new[] { "ChildId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_MeetingId",
                table: "AgreedActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_OwnerPractitionerId_Status_DueOn",
                table: "AgreedActions",
                columns: new[] { "OwnerPractitionerId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_AgreedActions_PlanId",
                table: "AgreedActions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_ChildId_RuleId_ConditionKey",
                table: "Alerts",
                columns: new[] { "ChildId", "RuleId", "ConditionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_RuleId_RaisedAt",
                table: "Alerts",
                columns: new[] { "RuleId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Alerts_Status_RaisedAt",
                table: "Alerts",
                columns: new[] { "Status", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MeetingDocuments_MeetingId",
                table: "MeetingDocuments",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_AgencyId",
                table: "MeetingInvitations",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_MeetingId",
                table: "MeetingInvitations",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_PractitionerId_MeetingId",
                table: "MeetingInvitations",
                columns: new[] { "PractitionerId", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_ChildId_StartsAt",
                table: "Meetings",
                columns: new[] { "ChildId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_Status_StartsAt",
                table: "Meetings",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanOutcomes_PlanId_Number",
                table: "PlanOutcomes",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanReviews_PlanId",
                table: "PlanReviews",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanRevisions_PlanId_Number",
                table: "PlanRevisions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ChildId_EndedOn",
                table: "Plans",
                columns: new[] { "ChildId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_EndedOn_NextReviewOn",
                table: "Plans",
                columns: new[] { "EndedOn", "NextReviewOn" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_ChildId_LeftAt",
                table: "RegisterEntries",
                columns: new[] { "ChildId", "LeftAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RegisterEntries_EnteredAt",
                table: "RegisterEntries",
                column: "EnteredAt");

            migrationBuilder.CreateIndex(
                name: "IX_RuleWork_ChildId",
                table: "RuleWork",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_Screenings_ChildId_ScreenedAt",
                table: "Screenings",
                columns: new[] { "ChildId", "ScreenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Timescales_ChildId_Kind_Status",
                table: "Timescales",
                columns: new[] { "ChildId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Timescales_SourceEventId_Kind",
                table: "Timescales",
                columns: new[] { "SourceEventId", "Kind" },
                unique: true,
                filter: "\"SourceEventId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Timescales_Status_DueAt",
                table: "Timescales",
                columns: new[] { "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_ChildId_Status",
                table: "Withdrawals",
                columns: new[] { "ChildId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_InvolvementId",
                table: "Withdrawals",
                column: "InvolvementId");

            migrationBuilder.CreateIndex(
                name: "IX_Withdrawals_Status_NoticeEndsAt",
                table: "Withdrawals",
                columns: new[] { "Status", "NoticeEndsAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreedActions");

            migrationBuilder.DropTable(
                name: "Alerts");

            migrationBuilder.DropTable(
                name: "MeetingDocuments");

            migrationBuilder.DropTable(
                name: "MeetingInvitations");

            migrationBuilder.DropTable(
                name: "PlanOutcomes");

            migrationBuilder.DropTable(
                name: "PlanReviews");

            migrationBuilder.DropTable(
                name: "PlanRevisions");

            migrationBuilder.DropTable(
                name: "RegisterEntries");

            migrationBuilder.DropTable(
                name: "RuleWork");

            migrationBuilder.DropTable(
                name: "Screenings");

            migrationBuilder.DropTable(
                name: "Timescales");

            migrationBuilder.DropTable(
                name: "Withdrawals");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropIndex(
                name: "IX_Involvements_OneLeadPerChild",
                table: "Involvements");

            migrationBuilder.DropIndex(
                name: "IX_ChronologyEvents_Returns_OccurredAt",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "HandedOverFromId",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "IntroducedOn",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "IntroductionNote",
                table: "Involvements");

            migrationBuilder.DropColumn(
                name: "Concerns",
                table: "ChronologyEvents");

            migrationBuilder.DropColumn(
                name: "Facts_BedroomSeen",
                table: "ChronologyEvents");
        }
    }
}
