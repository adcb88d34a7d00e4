using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    NoticeVersion = table.Column<string>(type: "TEXT", nullable: false),
                    GivenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OnBehalfOfOwner = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "daily_counts",
                columns: table => new
                {
                    RegencyCode = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_counts", x => new { x.RegencyCode, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "inbound_updates",
                columns: table => new
                {
                    UpdateKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_updates", x => x.UpdateKey);
                });

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
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    Phone = table.Column<string>(type: "TEXT", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "province_daily_counts",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_daily_counts", x => new { x.ProvinceCode, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "province_totals",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_totals", x => new { x.ProvinceCode, x.Kind });
                });

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

            migrationBuilder.CreateTable(
                name: "regency_totals",
                columns: table => new
                {
                    RegencyCode = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regency_totals", x => new { x.RegencyCode, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registration_sequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "TEXT", nullable: false),
                    LastValue = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_sequences", x => x.Prefix);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionnaireId = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentQuestionId = table.Column<string>(type: "TEXT", nullable: true),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "TEXT", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Enumerators = table.Column<int>(type: "INTEGER", nullable: false),
                    Coordinators = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    End = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.RegionCode);
                });

            migrationBuilder.CreateTable(
                name: "umkm_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RegistrationNumber = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Nik = table.Column<string>(type: "TEXT", nullable: true),
                    NamaPemilik = table.Column<string>(type: "TEXT", nullable: true),
                    JenisKelamin = table.Column<string>(type: "TEXT", nullable: true),
                    Hp = table.Column<string>(type: "TEXT", nullable: true),
                    NamaUsaha = table.Column<string>(type: "TEXT", nullable: false),
                    NamaUsahaNormal = table.Column<string>(type: "TEXT", nullable: false),
                    Kegiatan = table.Column<string>(type: "TEXT", nullable: true),
                    Kbli = table.Column<string>(type: "TEXT", nullable: true),
                    KbliSection = table.Column<string>(type: "TEXT", nullable: true),
                    TahunMulai = table.Column<int>(type: "INTEGER", nullable: true),
                    Tempat = table.Column<string>(type: "TEXT", nullable: true),
                    Bentuk = table.Column<string>(type: "TEXT", nullable: true),
                    Nib = table.Column<string>(type: "TEXT", nullable: true),
                    KodeDesa = table.Column<string>(type: "TEXT", nullable: false),
                    KodeKecamatan = table.Column<string>(type: "TEXT", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "TEXT", nullable: false),
                    KodeProvinsi = table.Column<string>(type: "TEXT", nullable: false),
                    Alamat = table.Column<string>(type: "TEXT", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Foto = table.Column<string>(type: "TEXT", nullable: true),
                    TkTotal = table.Column<int>(type: "INTEGER", nullable: true),
                    TkDibayar = table.Column<int>(type: "INTEGER", nullable: true),
                    TkPerempuan = table.Column<int>(type: "INTEGER", nullable: true),
                    OmzetTahunan = table.Column<long>(type: "INTEGER", nullable: true),
                    Modal = table.Column<long>(type: "INTEGER", nullable: true),
                    Aset = table.Column<long>(type: "INTEGER", nullable: true),
                    CaraJual = table.Column<string>(type: "TEXT", nullable: true),
                    KanalOnline = table.Column<string>(type: "TEXT", nullable: true),
                    SumberModal = table.Column<string>(type: "TEXT", nullable: true),
                    AnggotaKop = table.Column<string>(type: "TEXT", nullable: true),
                    NamaKop = table.Column<string>(type: "TEXT", nullable: true),
                    Skala = table.Column<string>(type: "TEXT", nullable: true),
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
                    table.PrimaryKey("PK_umkm_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "person_addresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_person_addresses", x => x.Address);
                    table.ForeignKey(
                        name: "FK_person_addresses_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consents_PersonId_NoticeVersion",
                table: "consents",
                columns: new[] { "PersonId", "NoticeVersion" });

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
                name: "IX_outbox_SentAt",
                table: "outbox",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_people_Phone",
                table: "people",
                column: "Phone");

            migrationBuilder.CreateIndex(
                name: "IX_person_addresses_PersonId",
                table: "person_addresses",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_claims_ClaimantPersonId",
                table: "record_claims",
                column: "ClaimantPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_record_claims_KodeKabupaten_Status",
                table: "record_claims",
                columns: new[] { "KodeKabupaten", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_record_versions_Kind_RecordId_Version",
                table: "record_versions",
                columns: new[] { "Kind", "RecordId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_regions_ParentCode",
                table: "regions",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_review_decisions_RecordId",
                table: "review_decisions",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_sessions_PersonId_IsActive",
                table: "sessions",
                columns: new[] { "PersonId", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Enumerator_WaktuKirim",
                table: "umkm_records",
                columns: new[] { "Enumerator", "WaktuKirim" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Hp",
                table: "umkm_records",
                column: "Hp");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_KodeDesa_NamaUsahaNormal",
                table: "umkm_records",
                columns: new[] { "KodeDesa", "NamaUsahaNormal" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_KodeKabupaten_Status",
                table: "umkm_records",
                columns: new[] { "KodeKabupaten", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_KodeProvinsi_Status",
                table: "umkm_records",
                columns: new[] { "KodeProvinsi", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Nib",
                table: "umkm_records",
                column: "Nib");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_Nik_NamaUsahaNormal",
                table: "umkm_records",
                columns: new[] { "Nik", "NamaUsahaNormal" });

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_OwnerPersonId",
                table: "umkm_records",
                column: "OwnerPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_umkm_records_RegistrationNumber",
                table: "umkm_records",
                column: "RegistrationNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_inbox_ProcessedAt",
                table: "webhook_inbox",
                column: "ProcessedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "daily_counts");

            migrationBuilder.DropTable(
                name: "inbound_updates");

            migrationBuilder.DropTable(
                name: "koperasi_records");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropTable(
                name: "person_addresses");

            migrationBuilder.DropTable(
                name: "province_daily_counts");

            migrationBuilder.DropTable(
                name: "province_totals");

            migrationBuilder.DropTable(
                name: "record_claims");

            migrationBuilder.DropTable(
                name: "record_versions");

            migrationBuilder.DropTable(
                name: "regency_totals");

            migrationBuilder.DropTable(
                name: "regions");

            migrationBuilder.DropTable(
                name: "registration_sequences");

            migrationBuilder.DropTable(
                name: "review_decisions");

            migrationBuilder.DropTable(
                name: "sessions");

            migrationBuilder.DropTable(
                name: "targets");

            migrationBuilder.DropTable(
                name: "umkm_records");

            migrationBuilder.DropTable(
                name: "webhook_inbox");

            migrationBuilder.DropTable(
                name: "people");
        }
    }
}
