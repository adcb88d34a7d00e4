using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class RecordClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "record_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ClaimantPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    AnswersJson = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_record_claims_ClaimantPersonId",
                table: "record_claims",
                column: "ClaimantPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_claims_KodeKabupaten_Status",
                table: "record_claims",
                columns: new[] { "KodeKabupaten", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "record_claims");
        }
    }
}
