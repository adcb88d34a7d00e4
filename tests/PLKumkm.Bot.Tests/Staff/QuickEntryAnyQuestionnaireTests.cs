using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.QuickEntry;

namespace PLKumkm.Bot.Tests.Staff;

/// <summary>A new questionnaire file gets quick entry for free: <c>#&lt;its id&gt;</c>, its field ids and labels as keys.</summary>
public sealed class QuickEntryAnyQuestionnaireTests
{
    /// <summary>A small market-stall census: no <c>quick_entry:</c> section, so its defaults apply.</summary>
    private const string Pasar = """
        id: pasar
        version: 1
        kind: umkm
        title: Pendataan pedagang pasar
        consent:
          notice_version: pasar-1
          text: Setuju?
        questions:
          - id: nik
            type: nik
            label: NIK
            prompt: NIK pedagang?
          - id: nama_pemilik
            type: text
            proper_name: true
            label: Nama pedagang
            prompt: Nama pedagang?
          - id: nama_usaha
            type: text
            label: Nama lapak
            prompt: Nama lapaknya?
          - id: kode_desa
            type: region
            label: Desa
            prompt: Di desa mana pasarnya?
          - id: omzet_tahunan
            type: money
            optional: true
            label: Omzet setahun
            prompt: Berapa omzet setahun?
        """;

    private static readonly Lazy<QuickEntryParser> Parser = new(() =>
        new QuickEntryParser(QuestionnaireLoader.Load(Pasar, "pasar.yaml"), RegionCatalog.Shared));

    private static QuickEntryResult Parse(string text) => Parser.Value.Parse(text, "16.01", new DateOnly(2022, 9, 12));

    [Fact]
    public void Its_field_ids_and_question_labels_are_the_keys_and_what_the_chat_cannot_skip_is_required()
    {
        var result = Parse("#pasar\nNIK: 1601071205850001\nNama pedagang: siti aminah\nnama_usaha: Lapak Siti\nDesa: Sukaraya\nOmzet setahun: 40jt");
        Assert.True(result.Ok, string.Join("\n", result.Errors.Select(e => e.Message.Id)));
        Assert.Equal(new Dictionary<string, string>
        {
            ["nik"] = "1601071205850001", ["nama_pemilik"] = "Siti Aminah", ["nama_usaha"] = "Lapak Siti", ["kode_desa"] = "16.01.14.1005",
            ["omzet_tahunan"] = "40000000",
        }, result.Answers);

        var missing = Parse("#pasar\nNama pedagang: Siti\nNama lapk: Lapak Siti\nOmzet setahun: 50");
        Assert.Equal(
        [
            "Baris 3: kunci \"Nama lapk\" tidak dikenal. Maksud Anda \"Nama lapak\"?",
            "Omzet setahun (baris 4): terbaca Rp50 — jumlah seperti ini perlu ditulis lebih jelas (mis. 50rb, 2,5jt, 1,2 miliar).",
            "NIK: wajib diisi.",
            "Nama lapak: wajib diisi.",
            "Desa: wajib diisi.",
        ], missing.Errors.Select(e => e.Message.Id));
    }

    [Fact]
    public async Task The_tag_alone_returns_its_form_and_an_entry_is_saved_as_a_record()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-pasar-");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "conversations"), "*.yaml"))
            {
                File.Copy(file, Path.Combine(folder.FullName, Path.GetFileName(file)));
            }

            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "pasar.yaml"), Pasar);
            await using var chat = await StaffChat.StartAsync(null, $"--Conversations:Directory={folder.FullName}");
            await chat.OnboardAsync("enum", "0811 2000 0001", "enumerator", "16.01", "Rudi");

            var form = await chat.SayAsync("enum", "#pasar");
            Assert.Equal(2, form.Count);
            Assert.StartsWith("*Entri cepat*: satu pesan untuk satu usaha.", form[0].Text, StringComparison.Ordinal);
            Assert.Contains("Wajib: NIK, Nama pedagang, Nama lapak, Desa.", form[0].Text, StringComparison.Ordinal);
            Assert.Equal("#pasar\nNIK: \nNama pedagang: \nNama lapak: \nDesa: \nOmzet setahun: ", form[1].Text);

            var saved = StaffChat.Text(await chat.SayAsync("enum", "#pasar\nNIK: 1601071205850001\nNama pedagang: Siti\nNama lapak: Lapak Siti\nDesa: Sukaraya"));
            Assert.Equal("✅ Tersimpan: KUMKM-1601-000001 — Lapak Siti (Sukaraya)", saved);
            // The shipped questionnaires keep theirs.
            Assert.StartsWith("#umkm\nNIK: ", (await chat.SayAsync("enum", "#umkm"))[1].Text, StringComparison.Ordinal);

            await using var db = chat.Db.Open();
            Assert.Equal("16.01.14.1005", (await db.UmkmRecords.SingleAsync()).KodeDesa);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
