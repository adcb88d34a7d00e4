using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EncryptionAtRest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_umkm_records_Hp",
                table: "umkm_records");

            migrationBuilder.DropIndex(
                name: "IX_umkm_records_Nik_NamaUsahaNormal",
                table: "umkm_records");

            migrationBuilder.DropIndex(
                name: "IX_people_Phone",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_koperasi_records_Hp",
                table: "koperasi_records");

            migrationBuilder.AddColumn<string>(
                name: "HpHash",
                table: "umkm_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NikHash",
                table: "umkm_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhoneHash",
                table: "people",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HpHash",
                table: "koperasi_records",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "data_protection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_HpHash",
                table: "umkm_records",
                column: "HpHash");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_NikHash_NamaUsahaNormal",
                table: "umkm_records",
                columns: new[] { "NikHash", "NamaUsahaNormal" });

            migrationBuilder.CreateIndex(
                name: "IX_people_PhoneHash",
                table: "people",
                column: "PhoneHash");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_HpHash",
                table: "koperasi_records",
                column: "HpHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection");

            migrationBuilder.DropIndex(
                name: "IX_umkm_records_HpHash",
                table: "umkm_records");

            migrationBuilder.DropIndex(
                name: "IX_umkm_records_NikHash_NamaUsahaNormal",
                table: "umkm_records");

            migrationBuilder.DropIndex(
                name: "IX_people_PhoneHash",
                table: "people");

            migrationBuilder.DropIndex(
                name: "IX_koperasi_records_HpHash",
                table: "koperasi_records");

            migrationBuilder.DropColumn(
                name: "HpHash",
                table: "umkm_records");

            migrationBuilder.DropColumn(
                name: "NikHash",
                table: "umkm_records");

            migrationBuilder.DropColumn(
                name: "PhoneHash",
                table: "people");

            migrationBuilder.DropColumn(
                name: "HpHash",
                table: "koperasi_records");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Hp",
                table: "umkm_records",
                column: "Hp");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Nik_NamaUsahaNormal",
                table: "umkm_records",
                columns: new[] { "Nik", "NamaUsahaNormal" });

            migrationBuilder.CreateIndex(
                name: "IX_people_Phone",
                table: "people",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_Hp",
                table: "koperasi_records",
                column: "Hp");
        }
    }
}
