using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TransferPackets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "Shares",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Packet_IncludesChronology",
                table: "Shares",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Packet_KeyContacts",
                table: "Shares",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Packet_OpenConcerns",
                table: "Shares",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Packet_Plans",
                table: "Shares",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Packet_SoftIntelligence",
                table: "Shares",
                type: "TEXT",
                maxLength: 10000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "Packet_IncludesChronology",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "Packet_KeyContacts",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "Packet_OpenConcerns",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "Packet_Plans",
                table: "Shares");

            migrationBuilder.DropColumn(
                name: "Packet_SoftIntelligence",
                table: "Shares");
        }
    }
}
