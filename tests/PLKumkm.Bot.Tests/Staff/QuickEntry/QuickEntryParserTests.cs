using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.QuickEntry;

namespace PLKumkm.Bot.Tests.Staff.QuickEntry;

/// <summary>Quick entries as enumerators really type them on a phone in the field.</summary>
public sealed class QuickEntryParserTests
{
    private const string Oku = "16.01";
    private static readonly DateOnly Today = new(2022, 9, 12);

    private static readonly Lazy<QuickEntryParser> Shared = new(() => new QuickEntryParser(
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")).Single(q => q.Id == "umkm"),
        RegionCatalog.Shared));

    private static QuickEntryResult Parse(string text, string scope = Oku) => Shared.Value.Parse(text, scope, Today);

    private static IReadOnlyDictionary<string, string> Valid(string text, string scope = Oku)
    {
        var result = Parse(text, scope);
        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message.Id)));
        return result.Answers;
    }

    private static QuickEntryError SingleError(string text, string scope = Oku)
    {
        var result = Parse(text, scope);
        Assert.False(result.Ok);
        Assert.Empty(result.Answers);
        return Assert.Single(result.Errors);
    }

    private const string Minimal = "NIK: 1601071205850001\nNama: Siti Aminah\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G";

    [Fact]
    public void The_issue_example_gives_canonical_answers()
    {
        var answers = Valid("""
            #umkm
            NIK: 1601 0745 0890 0001
            Nama: Siti Aminah
            Usaha: Warung Siti
            HP: 0812-3456-7890
            Desa: Sukaraya, Baturaja Timur
            KBLI: G
            Omzet: 3jt/bulan
            Pekerja: 2
            """);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nik"] = "1601074508900001",
            ["nama_pemilik"] = "Siti Aminah",
            ["nama_usaha"] = "Warung Siti",
            ["hp"] = "+6281234567890",
            ["kode_desa"] = "16.01.14.1005",
            ["kbli"] = "G",
            ["omzet_tahunan"] = "36000000",
            ["tk_total"] = "2",
        }, answers);
    }

    [Fact]
    public void Windows_line_ends_extra_spaces_blank_lines_bullets_and_mixed_case_keys_are_fine()
    {
        var answers = Valid("\r\n  #UMKM  \r\n\r\n - nik :   1601071205850001 \r\n• NAMA   :  Siti   Aminah\r\n\r\n*Usaha*: Warung Siti\r\n1. desa=16.01.14.1005\r\nkbli = g\r\n");
        Assert.Equal("1601071205850001", answers["nik"]);
        Assert.Equal("Siti Aminah", answers["nama_pemilik"]);
        Assert.Equal("Warung Siti", answers["nama_usaha"]);
        Assert.Equal("16.01.14.1005", answers["kode_desa"]);
        Assert.Equal("G", answers["kbli"]);
    }

    [Fact]
    public void Field_ids_and_labels_in_any_order_mean_the_same()
    {
        var byIds = Valid("#umkm\nkode_desa: 1601141005\nkbli: 47111\nnama_usaha: Warung Siti\nnama_pemilik: Siti Aminah\nnik: 1601071205850001\ntk_total: 3\ntk_dibayar: 1\ntk_perempuan: 2\nomzet_tahunan: 120 juta\njenis_kelamin: P");
        var byLabels = Valid("#umkm\nJenis kelamin: perempuan\nPekerja perempuan: 2\nDibayar: 1\nPekerja: 3\nOmzet: Rp120.000.000\nDesa: 16.01.14.1005\nSektor: 47111\nUsaha: Warung Siti\nNama pemilik: Siti Aminah\nNIK: 1601071205850001");
        Assert.Equal(byIds, byLabels);
        Assert.Equal("47111", byIds["kbli"]);
        Assert.Equal("P", byIds["jenis_kelamin"]);
        Assert.Equal("120000000", byIds["omzet_tahunan"]);
    }

    [Theory]
    [InlineData("Omzet: 3jt/bulan", "36000000")]
    [InlineData("Omzet: 100rb/hari", "30000000")]
    [InlineData("Omzet: 50 juta /tahun", "50000000")]
    [InlineData("Omzet: 2,5jt per bulan", "30000000")]
    [InlineData("Omzet: 40jt", "40000000")]
    [InlineData("Omzet per bulan: 3jt", "36000000")]
    [InlineData("Omzet/hari: 100rb", "30000000")]
    [InlineData("omset : Rp 1.500.000 / bln", "18000000")]
    public void Turnover_is_per_year_unless_a_period_is_written(string line, string expected) =>
        Assert.Equal(expected, Valid($"#umkm\n{Minimal}\n{line}")["omzet_tahunan"]);

    [Fact]
    public void Other_money_fields_are_whole_rupiah()
    {
        var answers = Valid($"#umkm\n{Minimal}\nModal: 10jt\nAset: 1,2 miliar");
        Assert.Equal("10000000", answers["modal"]);
        Assert.Equal("1200000000", answers["aset"]);
    }

    [Theory]
    [InlineData("Desa: Sukaraya", "16.01.14.1005")]
    [InlineData("Desa: sukaraya , baturaja timur", "16.01.14.1005")]
    [InlineData("Desa: Sukaraya (Kec. Baturaja Timur)", "16.01.14.1005")]
    [InlineData("Desa: Kelurahan Sukaraya", "16.01.14.1005")]
    [InlineData("Desa: Sukajadi, Ulu Ogan", "16.01.20.2006")]
    [InlineData("Desa: Sukajadi kecamatan Baturaja Timur", "16.01.14.1006")]
    [InlineData("Kelurahan: 1601141005", "16.01.14.1005")]
    public void Village_by_name_or_code_inside_the_enumerators_regency(string line, string code) =>
        Assert.Equal(code, Valid($"#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nKBLI: G\n{line}")["kode_desa"]);

    [Fact]
    public void An_ambiguous_village_lists_the_candidates_with_their_district()
    {
        var error = SingleError("#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nKBLI: G\nDesa: Sukajadi");
        Assert.Equal("kode_desa", error.FieldId);
        Assert.Equal(6, error.Line);
        Assert.Contains("Sukajadi (Kecamatan Baturaja Timur)", error.Message.Id);
        Assert.Contains("Sukajadi (Kecamatan Ulu Ogan)", error.Message.Id);
        Assert.Contains("Desa: Sukajadi, Baturaja Timur", error.Message.Id);
    }

    [Fact]
    public void A_village_outside_the_enumerators_regency_is_refused()
    {
        // Baturaja Timur is in OKU, not in Muara Enim (16.03), where this enumerator works.
        var elsewhere = SingleError("#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nKBLI: G\nDesa: Sukaraya, Baturaja Timur", scope: "16.03");
        Assert.Equal("Desa (baris 6): Kecamatan \"Baturaja Timur\" tidak ditemukan di Kabupaten Muara Enim.", elsewhere.Message.Id);
        var byCode = SingleError("#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nKBLI: G\nDesa: 16.02.02.2001");
        Assert.Contains("di luar wilayah Anda", byCode.Message.Id);
        var district = SingleError("#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nKBLI: G\nDesa: 16.01.14");
        Assert.Contains("bukan kode desa", district.Message.Id);
    }

    [Fact]
    public void A_bad_NIK_gives_the_NIK_error_and_nothing_else()
    {
        var error = SingleError("#umkm\nNIK: 1601 0745 0890\nNama: Siti Aminah\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G\nOmzet: 3jt/bulan");
        Assert.Equal("nik", error.FieldId);
        Assert.StartsWith("NIK (baris 2): NIK harus 16 angka, Anda menulis 12.", error.Message.Id);
        Assert.Contains("(line 2)", error.Message.En);
    }

    [Fact]
    public void Missing_required_fields_are_listed_one_per_field()
    {
        var result = Parse("#umkm\nNama: Siti Aminah\nHP: 08123456789");
        Assert.Empty(result.Answers);
        Assert.Equal(["nik", "nama_usaha", "kode_desa", "kbli"], result.Errors.Select(e => e.FieldId));
        Assert.All(result.Errors, e => Assert.EndsWith("wajib diisi.", e.Message.Id));
    }

    [Fact]
    public void Every_wrong_field_gets_one_line_in_message_order()
    {
        var result = Parse("#umkm\nNIK: 1234\nNama: Siti\nUsaha: Warung Siti\nHP: 021 555 1234\nDesa: Sukaraya\nKBLI: A\nPekerja: 2\nDibayar: 5\nTahun: 2035");
        Assert.Equal(["nik", "hp", "kbli", "tk_dibayar", "tahun_mulai"], result.Errors.Select(e => e.FieldId));
        Assert.Equal([2, 5, 7, 9, 10], result.Errors.Select(e => e.Line!.Value));
    }

    [Fact]
    public void An_unknown_key_is_named_with_the_closest_known_one()
    {
        var error = SingleError($"#umkm\n{Minimal}\nOmsett: 3jt");
        Assert.Null(error.FieldId);
        Assert.Equal("Baris 7: kunci \"Omsett\" tidak dikenal. Maksud Anda \"Omzet\"?", error.Message.Id);
        var far = SingleError($"#umkm\n{Minimal}\nWarna cat: biru");
        Assert.Contains("Kunci yang bisa dipakai: NIK, Nama, JK, HP, Usaha, Kegiatan", far.Message.Id);
    }

    [Fact]
    public void A_key_written_twice_is_an_error_naming_both_lines()
    {
        var error = SingleError($"#umkm\n{Minimal}\nnama_pemilik: Siti A.");
        Assert.Equal("nama_pemilik", error.FieldId);
        Assert.Equal("Nama: ditulis dua kali (baris 3 dan 7); tulis sekali saja.", error.Message.Id);
    }

    [Fact]
    public void Keys_left_empty_from_the_template_are_ignored_and_a_line_without_a_colon_is_reported()
    {
        Assert.Equal(5, Valid($"#umkm\n{Minimal}\nHP: \nOmzet:\nAlamat:").Count);
        var stray = SingleError($"#umkm\n{Minimal}\nwarung di depan pasar");
        Assert.Equal(7, stray.Line);
        Assert.Contains("Kunci: isi", stray.Message.Id);
        // A known key followed by a space works without the colon.
        Assert.Equal("+6281234567890", Valid($"#umkm\n{Minimal}\nHP 0812 3456 7890")["hp"]);
    }

    [Fact]
    public void Blank_entry_or_untouched_template_asks_for_the_template()
    {
        Assert.True(Parse("#umkm").Blank);
        Assert.True(Parse("  #Umkm \n\n").Blank);
        Assert.True(Parse("#umkm\nNIK: \nNama: \nUsaha: \nDesa: ").Blank);
        Assert.False(Parse("#umkm\nNIK: 1").Blank);
    }

    [Fact]
    public void Coordinates_in_one_line_or_as_lat_and_lon()
    {
        Assert.Equal("-4.1291,104.1668", Valid($"#umkm\n{Minimal}\nLokasi: -4.1291, 104.1668")["lokasi"]);
        Assert.Equal("-4.1291,104.1668", Valid($"#umkm\n{Minimal}\nLat: -4.1291\nLon: 104.1668")["lokasi"]);
        Assert.Contains("Lat dan Lon", SingleError($"#umkm\n{Minimal}\nLat: -4.1291").Message.Id);
    }

    [Fact]
    public void Choices_take_labels_and_synonyms_like_the_questionnaire()
    {
        var answers = Valid($"#umkm\n{Minimal}\nJK: wanita\nTempat: kios\nBentuk: perorangan\nCara jual: keduanya\nKanal: wa, ig\nAnggota koperasi: ya\nNama koperasi: KSP Maju\nTahun: 2019\nNIB: 1234567890123");
        Assert.Equal("P", answers["jenis_kelamin"]);
        Assert.Equal("menetap", answers["tempat"]);
        Assert.Equal("perseorangan", answers["bentuk"]);
        Assert.Equal("keduanya", answers["cara_jual"]);
        Assert.Equal("whatsapp,instagram", answers["kanal_online"]);
        Assert.Equal("ya", answers["anggota_kop"]);
        Assert.Equal("2019", answers["tahun_mulai"]);
        Assert.Equal("1234567890123", answers["nib"]);
    }

    [Fact]
    public void System_fields_and_photos_cannot_be_typed()
    {
        Assert.Contains("diisi otomatis", SingleError($"#umkm\n{Minimal}\nsumber: mandiri").Message.Id);
        Assert.Contains("foto", SingleError($"#umkm\n{Minimal}\nFoto: ada").Message.Id);
    }

    [Fact]
    public void An_unclear_amount_is_asked_to_be_written_clearly_not_guessed()
    {
        var error = SingleError($"#umkm\n{Minimal}\nOmzet: 50");
        Assert.Equal("omzet_tahunan", error.FieldId);
        Assert.Contains("lebih jelas", error.Message.Id);
    }

    [Fact]
    public void The_template_tag_must_open_the_message()
    {
        Assert.Null(Shared.Value.Read("halo #umkm"));
        Assert.Null(Shared.Value.Read("#umkmku: NIK 1"));
        Assert.NotNull(Shared.Value.Read("\u200B#UMKM\nNIK: 1"));
        Assert.Equal("umkm", QuickEntryMessage.TagOf("#umkm NIK: 1601071205850001"));
        var sameLine = Valid("#umkm NIK: 1601071205850001\nNama: Siti\nUsaha: Warung Siti\nDesa: Sukaraya\nKBLI: G");
        Assert.Equal("1601071205850001", sameLine["nik"]);
    }

    [Fact]
    public void An_admin_without_a_region_finds_villages_anywhere_but_must_disambiguate()
    {
        Assert.Equal("16.01.14.1005", Valid("#umkm\nNIK: 1601071205850001\nNama: Siti\nUsaha: Warung\nKBLI: G\nDesa: 16.01.14.1005", scope: "")["kode_desa"]);
        Assert.Equal("kode_desa", SingleError($"#umkm\n{Minimal}", scope: "").FieldId);
    }
}
