using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class MeetingInvitationsAddressedToPeopleAndTeams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TeamId",
                table: "MeetingInvitations",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeetingInvitations_TeamId_MeetingId",
                table: "MeetingInvitations",
                columns: new[] { "TeamId", "MeetingId" });

            migrationBuilder.AddForeignKey(
                name: "FK_MeetingInvitations_Teams_TeamId",
                table: "MeetingInvitations",
                column: "TeamId",
                principalTable: "Teams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MeetingInvitations_Teams_TeamId",
                table: "MeetingInvitations");

            migrationBuilder.DropIndex(
                name: "IX_MeetingInvitations_TeamId_MeetingId",
                table: "MeetingInvitations");

            migrationBuilder.DropColumn(
                name: "TeamId",
                table: "MeetingInvitations");
        }
    }
}
