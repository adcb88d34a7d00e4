using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "UnreachableSince",
                table: "person_addresses",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChannelMessageHash",
                table: "outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "FailedAt",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "NotBefore",
                table: "outbox",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ChannelMessageHash",
                table: "outbox",
                column: "ChannelMessageHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_outbox_ChannelMessageHash",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "UnreachableSince",
                table: "person_addresses");

            migrationBuilder.DropColumn(
                name: "ChannelMessageHash",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "FailedAt",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "NotBefore",
                table: "outbox");
        }
    }
}
