using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReviewDecisionKind : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every decision before this column was on a UMKM record.
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "review_decisions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Umkm");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "review_decisions");
        }
    }
}
