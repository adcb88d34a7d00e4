using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Records.Reading;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>The one reader of values written outside the chat (quick entry lines, import cells), and its one rule for unsure answers.</summary>
public sealed class FieldValueReaderTests
{
    private static readonly Lazy<Questionnaire> Umkm = new(() =>
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")).Single(q => q.Id == "umkm"));

    private static FieldReading Read(UnsureAnswers unsure, string questionId, string text, AnswerCache? cache = null) =>
        new FieldValueReader(RegionCatalog.Shared, unsure, cache).Read(Umkm.Value.Find(questionId)!, text, new SessionState { QuestionnaireId = "umkm", QuestionnaireVersion = 1 }, new DateOnly(2022, 9, 12));

    [Fact]
    public void An_amount_the_chat_would_confirm_is_refused_in_an_entry_and_taken_as_written_from_a_file()
    {
        var typed = Read(UnsureAnswers.Refuse, "modal", "50");
        Assert.Null(typed.Value);
        Assert.Equal("terbaca Rp50 — jumlah seperti ini perlu ditulis lebih jelas (mis. 50rb, 2,5jt, 1,2 miliar).", typed.Error!.Id);
        Assert.Equal(("50", null), (Read(UnsureAnswers.Take, "modal", "50").Value, Read(UnsureAnswers.Take, "modal", "50").Error));
        Assert.Contains("per hari/bulan/tahun", Read(UnsureAnswers.Refuse, "omzet_tahunan", "50").Error!.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_read_the_chats_way_and_a_remembered_reading_is_the_same()
    {
        var cache = new AnswerCache();
        Assert.Equal("P", Read(UnsureAnswers.Take, "jenis_kelamin", "cewek", cache).Value);
        Assert.Equal("P", Read(UnsureAnswers.Take, "jenis_kelamin", "cewek", cache).Value);
        Assert.Equal("whatsapp,instagram", Read(UnsureAnswers.Refuse, "kanal_online", "instagram,whatsapp").Value);
        Assert.StartsWith("NIK harus 16 angka", Read(UnsureAnswers.Refuse, "nik", "1601").Error!.Id, StringComparison.Ordinal);
    }
}
