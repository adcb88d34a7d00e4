using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ErasureLeavesNothing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Address",
                table: "consents");

            migrationBuilder.AddColumn<string>(
                name: "Subject",
                table: "outbox",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "erasure_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    RequesterPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReplyAddress = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erasure_requests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Address",
                table: "outbox",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Subject",
                table: "outbox",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_erasure_requests_Kind_RecordId",
                table: "erasure_requests",
                columns: new[] { "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_erasure_requests_KodeKabupaten_Status",
                table: "erasure_requests",
                columns: new[] { "KodeKabupaten", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "erasure_requests");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Address",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Subject",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "Subject",
                table: "outbox");

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "consents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
