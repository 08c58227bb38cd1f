using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ChildStory.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ContactsOutOfHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RoutedToEmergencyDuty",
                table: "Contacts",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RoutedToEmergencyDuty",
                table: "Contacts");
        }
    }
}
