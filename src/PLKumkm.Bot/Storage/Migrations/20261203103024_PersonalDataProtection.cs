using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataProtection : Migration
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

            migrationBuilder.DropColumn(
                name: "Address",
                table: "consents");

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
                name: "Subject",
                table: "outbox",
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
                name: "IX_outbox_Address",
                table: "outbox",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Subject",
                table: "outbox",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_HpHash",
                table: "koperasi_records",
                column: "HpHash");

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
                name: "data_protection");

            migrationBuilder.DropTable(
                name: "erasure_requests");

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
                name: "IX_outbox_Address",
                table: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_outbox_Subject",
                table: "outbox");

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
                name: "Subject",
                table: "outbox");

            migrationBuilder.DropColumn(
                name: "HpHash",
                table: "koperasi_records");

            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "consents",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

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
