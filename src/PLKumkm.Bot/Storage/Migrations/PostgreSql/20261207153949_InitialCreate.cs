using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PLKumkm.Bot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "broadcasts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RegionCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Audience = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    CreatedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    ConfirmedAt = table.Column<long>(type: "bigint", nullable: true),
                    FinishedAt = table.Column<long>(type: "bigint", nullable: true),
                    ReportedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcasts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "consents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    NoticeVersion = table.Column<string>(type: "text", nullable: false),
                    GivenAt = table.Column<long>(type: "bigint", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "bigint", nullable: true),
                    OnBehalfOfOwner = table.Column<bool>(type: "boolean", nullable: false),
                    RegistrationNumber = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "daily_counts",
                columns: table => new
                {
                    RegencyCode = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_daily_counts", x => new { x.RegencyCode, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "data_protection",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SetAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "erasure_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    RequesterPersonId = table.Column<long>(type: "bigint", nullable: false),
                    ReplyAddress = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_erasure_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_updates",
                columns: table => new
                {
                    UpdateKey = table.Column<string>(type: "text", nullable: false),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_updates", x => x.UpdateKey);
                });

            migrationBuilder.CreateTable(
                name: "koperasi_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationNumber = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    NamaKoperasi = table.Column<string>(type: "text", nullable: false),
                    NamaKoperasiNormal = table.Column<string>(type: "text", nullable: false),
                    NoBadanHukum = table.Column<string>(type: "text", nullable: true),
                    NoBadanHukumNormal = table.Column<string>(type: "text", nullable: true),
                    TglBadanHukum = table.Column<DateOnly>(type: "date", nullable: true),
                    NikKoperasi = table.Column<string>(type: "text", nullable: true),
                    Nib = table.Column<string>(type: "text", nullable: true),
                    BentukKop = table.Column<string>(type: "text", nullable: true),
                    JenisKop = table.Column<string>(type: "text", nullable: true),
                    Pola = table.Column<string>(type: "text", nullable: true),
                    Kegiatan = table.Column<string>(type: "text", nullable: true),
                    Kbli = table.Column<string>(type: "text", nullable: true),
                    KbliSection = table.Column<string>(type: "text", nullable: true),
                    KodeDesa = table.Column<string>(type: "text", nullable: false),
                    KodeKecamatan = table.Column<string>(type: "text", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "text", nullable: false),
                    KodeProvinsi = table.Column<string>(type: "text", nullable: false),
                    Alamat = table.Column<string>(type: "text", nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    AnggotaL = table.Column<int>(type: "integer", nullable: true),
                    AnggotaP = table.Column<int>(type: "integer", nullable: true),
                    Karyawan = table.Column<int>(type: "integer", nullable: true),
                    Aktif = table.Column<string>(type: "text", nullable: true),
                    RatTerakhir = table.Column<int>(type: "integer", nullable: true),
                    VolumeUsaha = table.Column<long>(type: "bigint", nullable: true),
                    Aset = table.Column<long>(type: "bigint", nullable: true),
                    ModalSendiri = table.Column<long>(type: "bigint", nullable: true),
                    Shu = table.Column<long>(type: "bigint", nullable: true),
                    NamaPengurus = table.Column<string>(type: "text", nullable: true),
                    JabatanPengurus = table.Column<string>(type: "text", nullable: true),
                    Hp = table.Column<string>(type: "text", nullable: true),
                    HpHash = table.Column<string>(type: "text", nullable: true),
                    WaktuKirim = table.Column<long>(type: "bigint", nullable: false),
                    Sumber = table.Column<string>(type: "text", nullable: false),
                    Enumerator = table.Column<string>(type: "text", nullable: true),
                    SubmittedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    OwnerPersonId = table.Column<long>(type: "bigint", nullable: true),
                    FlagReason = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_koperasi_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Address = table.Column<string>(type: "text", nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true),
                    ChannelMessageHash = table.Column<string>(type: "text", nullable: true),
                    FailedAt = table.Column<long>(type: "bigint", nullable: true),
                    NotBefore = table.Column<long>(type: "bigint", nullable: true),
                    Subject = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "people",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Phone = table.Column<string>(type: "text", nullable: true),
                    PhoneHash = table.Column<string>(type: "text", nullable: true),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastSeenAt = table.Column<long>(type: "bigint", nullable: true),
                    RemindersStoppedAt = table.Column<long>(type: "bigint", nullable: true),
                    IdleRemindedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_people", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "province_daily_counts",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_daily_counts", x => new { x.ProvinceCode, x.Day, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "province_totals",
                columns: table => new
                {
                    ProvinceCode = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_province_totals", x => new { x.ProvinceCode, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "record_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ClaimantPersonId = table.Column<long>(type: "bigint", nullable: false),
                    AnswersJson = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "record_versions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    Source = table.Column<string>(type: "text", nullable: false),
                    ChangesJson = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_record_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "regency_totals",
                columns: table => new
                {
                    RegencyCode = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regency_totals", x => new { x.RegencyCode, x.Kind });
                });

            migrationBuilder.CreateTable(
                name: "regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "registration_sequences",
                columns: table => new
                {
                    Prefix = table.Column<string>(type: "text", nullable: false),
                    LastValue = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_registration_sequences", x => x.Prefix);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordId = table.Column<long>(type: "bigint", nullable: false),
                    DecidedByPersonId = table.Column<long>(type: "bigint", nullable: false),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: false),
                    Decision = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    PreviousStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionnaireId = table.Column<string>(type: "text", nullable: false),
                    QuestionnaireVersion = table.Column<int>(type: "integer", nullable: false),
                    Stage = table.Column<string>(type: "text", nullable: false),
                    CurrentQuestionId = table.Column<string>(type: "text", nullable: true),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    StartedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    EndedAt = table.Column<long>(type: "bigint", nullable: true),
                    RemindersSent = table.Column<int>(type: "integer", nullable: false),
                    RemindedAt = table.Column<long>(type: "bigint", nullable: true),
                    RegistrationNumber = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "targets",
                columns: table => new
                {
                    RegionCode = table.Column<string>(type: "text", nullable: false),
                    Target = table.Column<long>(type: "bigint", nullable: false),
                    Enumerators = table.Column<long>(type: "bigint", nullable: false),
                    Coordinators = table.Column<long>(type: "bigint", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_targets", x => x.RegionCode);
                });

            migrationBuilder.CreateTable(
                name: "umkm_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RegistrationNumber = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Nik = table.Column<string>(type: "text", nullable: true),
                    NikHash = table.Column<string>(type: "text", nullable: true),
                    NamaPemilik = table.Column<string>(type: "text", nullable: true),
                    JenisKelamin = table.Column<string>(type: "text", nullable: true),
                    Hp = table.Column<string>(type: "text", nullable: true),
                    HpHash = table.Column<string>(type: "text", nullable: true),
                    NamaUsaha = table.Column<string>(type: "text", nullable: false),
                    NamaUsahaNormal = table.Column<string>(type: "text", nullable: false),
                    Kegiatan = table.Column<string>(type: "text", nullable: true),
                    Kbli = table.Column<string>(type: "text", nullable: true),
                    KbliSection = table.Column<string>(type: "text", nullable: true),
                    TahunMulai = table.Column<int>(type: "integer", nullable: true),
                    Tempat = table.Column<string>(type: "text", nullable: true),
                    Bentuk = table.Column<string>(type: "text", nullable: true),
                    Nib = table.Column<string>(type: "text", nullable: true),
                    KodeDesa = table.Column<string>(type: "text", nullable: false),
                    KodeKecamatan = table.Column<string>(type: "text", nullable: false),
                    KodeKabupaten = table.Column<string>(type: "text", nullable: false),
                    KodeProvinsi = table.Column<string>(type: "text", nullable: false),
                    Alamat = table.Column<string>(type: "text", nullable: true),
                    Lat = table.Column<double>(type: "double precision", nullable: true),
                    Lon = table.Column<double>(type: "double precision", nullable: true),
                    Foto = table.Column<string>(type: "text", nullable: true),
                    FotoType = table.Column<string>(type: "text", nullable: true),
                    TkTotal = table.Column<int>(type: "integer", nullable: true),
                    TkDibayar = table.Column<int>(type: "integer", nullable: true),
                    TkPerempuan = table.Column<int>(type: "integer", nullable: true),
                    OmzetTahunan = table.Column<long>(type: "bigint", nullable: true),
                    Modal = table.Column<long>(type: "bigint", nullable: true),
                    Aset = table.Column<long>(type: "bigint", nullable: true),
                    CaraJual = table.Column<string>(type: "text", nullable: true),
                    KanalOnline = table.Column<string>(type: "text", nullable: true),
                    SumberModal = table.Column<string>(type: "text", nullable: true),
                    AnggotaKop = table.Column<string>(type: "text", nullable: true),
                    NamaKop = table.Column<string>(type: "text", nullable: true),
                    Skala = table.Column<string>(type: "text", nullable: true),
                    WaktuKirim = table.Column<long>(type: "bigint", nullable: false),
                    Sumber = table.Column<string>(type: "text", nullable: false),
                    Enumerator = table.Column<string>(type: "text", nullable: true),
                    SubmittedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    OwnerPersonId = table.Column<long>(type: "bigint", nullable: true),
                    FlagReason = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_umkm_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_inbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Channel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    ProcessedAt = table.Column<long>(type: "bigint", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_inbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_recipients",
                columns: table => new
                {
                    BroadcastId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    StoredAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_broadcast_recipients", x => new { x.BroadcastId, x.PersonId });
                    table.ForeignKey(
                        name: "FK_broadcast_recipients_broadcasts_BroadcastId",
                        column: x => x.BroadcastId,
                        principalTable: "broadcasts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "digest_subscriptions",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    LocalMinute = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    LastSentDay = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_digest_subscriptions", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_digest_subscriptions_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "person_addresses",
                columns: table => new
                {
                    Address = table.Column<string>(type: "text", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UnreachableSince = table.Column<long>(type: "bigint", nullable: true)
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
                name: "IX_broadcasts_Key",
                table: "broadcasts",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consents_PersonId_NoticeVersion",
                table: "consents",
                columns: new[] { "PersonId", "NoticeVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_erasure_requests_Kind_RecordId",
                table: "erasure_requests",
                columns: new[] { "Kind", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_erasure_requests_KodeKabupaten_Status",
                table: "erasure_requests",
                columns: new[] { "KodeKabupaten", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_updates_ProcessedAt",
                table: "inbound_updates",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_Enumerator_WaktuKirim",
                table: "koperasi_records",
                columns: new[] { "Enumerator", "WaktuKirim" });

            migrationBuilder.CreateIndex(
                name: "IX_koperasi_records_HpHash",
                table: "koperasi_records",
                column: "HpHash");

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
                name: "IX_outbox_Address",
                table: "outbox",
                column: "Address");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_ChannelMessageHash",
                table: "outbox",
                column: "ChannelMessageHash");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_SentAt",
                table: "outbox",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_Subject",
                table: "outbox",
                column: "Subject");

            migrationBuilder.CreateIndex(
                name: "IX_people_PhoneHash",
                table: "people",
                column: "PhoneHash");

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
                name: "IX_umkm_records_HpHash",
                table: "umkm_records",
                column: "HpHash");

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
                name: "IX_umkm_records_NikHash_NamaUsahaNormal",
                table: "umkm_records",
                columns: new[] { "NikHash", "NamaUsahaNormal" });

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
                name: "broadcast_recipients");

            migrationBuilder.DropTable(
                name: "consents");

            migrationBuilder.DropTable(
                name: "daily_counts");

            migrationBuilder.DropTable(
                name: "data_protection");

            migrationBuilder.DropTable(
                name: "digest_subscriptions");

            migrationBuilder.DropTable(
                name: "erasure_requests");

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
                name: "broadcasts");

            migrationBuilder.DropTable(
                name: "people");
        }
    }
}
