using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OwnerConsentByEnumerator : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "OnBehalfOfOwner",
                table: "consents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "RegistrationNumber",
                table: "consents",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OnBehalfOfOwner",
                table: "consents");

            migrationBuilder.DropColumn(
                name: "RegistrationNumber",
                table: "consents");
        }
    }
}
