using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Koperasi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "koperasi_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NamaKoperasi = table.Column<string>(type: "TEXT", nullable: false),
                    NamaKoperasiNormal = table.Column<string>(type: "TEXT", nullable: false),
                    NoBadanHukum = table.Column<string>(type: "TEXT", nullable: true),
                    NoBadanHukumNormal = table.Column<string>(type: "TEXT", nullable: true),
                    TglBadanHukum = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NikKoperasi = table.Column<string>(type: "TEXT", nullable: true),
                    Nib = table.Column<string>(type: "TEXT", nullable: true),
                    BentukKop = table.Column<string>(type: "TEXT", nullable: true),
                    JenisKop = table.Column<string>(type: "TEXT", nullable: true),
                    Pola = table.Column<string>(type: "TEXT", nullable: true),
                    Kegiatan = table.Column<string>(type: "TEXT", nullable: true),
                    Kbli = table.Column<string>(type: "TEXT", nullable: true),
                    KbliSection = table.Column<string>(type: "TEXT", nullable: true),
                    KodeDesa = table.Column<string>(type: "TEXT", nullable: false),
                    KodeKecamatan = table.Column<string>(type: "TEXT", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "TEXT", nullable: false),
                    KodeProvinsi = table.Column<string>(type: "TEXT", nullable: false),
                    Alamat = table.Column<string>(type: "TEXT", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    AnggotaL = table.Column<int>(type: "INTEGER", nullable: true),
                    AnggotaP = table.Column<int>(type: "INTEGER", nullable: true),
                    Karyawan = table.Column<int>(type: "INTEGER", nullable: true),
                    Aktif = table.Column<string>(type: "TEXT", nullable: true),
                    RatTerakhir = table.Column<int>(type: "INTEGER", nullable: true),
                    VolumeUsaha = table.Column<long>(type: "INTEGER", nullable: true),
                    Aset = table.Column<long>(type: "INTEGER", nullable: true),
                    ModalSendiri = table.Column<long>(type: "INTEGER", nullable: true),
                    Shu = table.Column<long>(type: "INTEGER", nullable: true),
                    NamaPengurus = table.Column<string>(type: "TEXT", nullable: true),
                    JabatanPengurus = table.Column<string>(type: "TEXT", nullable: true),
                    Hp = table.Column<string>(type: "TEXT", nullable: true),
                    WaktuKirim = table.Column<long>(type: "INTEGER", nullable: false),
                    Sumber = table.Column<string>(type: "TEXT", nullable: false),
                    Enumerator = table.Column<string>(type: "TEXT", nullable: true),
                    SubmittedByPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    OwnerPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    FlagReason = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_koperasi_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "record_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ByPersonId = table.Column<long>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", nullable: false),
                    ChangesJson = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_versions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Hp",
                table: "umkm_records",
                column: "Hp");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_KodeProvinsi_Status",
                table: "umkm_records",
                columns: new[] { "KodeProvinsi", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_Enumerator_WaktuKirim",
                table: "koperasi_records",
                columns: new[] { "Enumerator", "WaktuKirim" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_Hp",
                table: "koperasi_records",
                column: "Hp");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_KodeDesa_NamaKoperasiNormal",
                table: "koperasi_records",
                columns: new[] { "KodeDesa", "NamaKoperasiNormal" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_KodeKabupaten_Status",
                table: "koperasi_records",
                columns: new[] { "KodeKabupaten", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_KodeProvinsi_Status",
                table: "koperasi_records",
                columns: new[] { "KodeProvinsi", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_Nib",
                table: "koperasi_records",
                column: "Nib");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_NoBadanHukumNormal",
                table: "koperasi_records",
                column: "NoBadanHukumNormal");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_OwnerPersonId",
                table: "koperasi_records",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_RegistrationNumber",
                table: "koperasi_records",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_record_versions_Kind_RecordId_Version",
                table: "record_versions",
                columns: new[] { "Kind", "RecordId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "koperasi_records");

            migrationBuilder.DropTable(
                name: "record_versions");

            migrationBuilder.DropIndex(
                name: "IX_umkm_records_Hp",
                table: "umkm_records");

            migrationBuilder.DropIndex(
                name: "IX_umkm_records_KodeProvinsi_Status",
                table: "umkm_records");
        }
    }
}
