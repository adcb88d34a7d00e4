using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Tests.Conversations;

public sealed class KoperasiQuestionnaireTests
{
    [Fact]
    public void The_shipped_koperasi_questionnaire_loads_with_its_own_consent()
    {
        var all = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations"));
        var koperasi = Assert.Single(all, q => q.Id == "koperasi");
        var umkm = Assert.Single(all, q => q.Id == "umkm");
        Assert.Equal(RecordKind.Koperasi, koperasi.Kind);
        Assert.NotEqual(umkm.Consent.Version, koperasi.Consent.Version);
        Assert.Contains(koperasi.Questions, q => q is { Id: "shu", Type: QuestionType.Money, AllowNegative: true });
        Assert.Contains(koperasi.Questions, q => q is { Id: "modal_sendiri", AllowNegative: false });
        // The cooperative's number is free text, never checked as a person's NIK.
        Assert.Contains(koperasi.Questions, q => q is { Id: "nik_koperasi", Type: QuestionType.Text, Optional: true, MaxLength: 30 });
        Assert.DoesNotContain(koperasi.Questions, q => q.Type == QuestionType.Nik);
    }

    [Fact]
    public void A_koperasi_questionnaire_cannot_store_umkm_fields()
    {
        var yaml = """
            id: kop
            version: 1
            kind: koperasi
            title: Uji
            consent: { notice_version: v1, text: Setuju? }
            questions:
              - { id: nama_usaha, type: text, label: Nama, prompt: Nama? }
              - { id: kode_desa, type: region, label: Desa, prompt: Di mana? }
            """;
        var e = Assert.Throws<QuestionnaireDefinitionException>(() => QuestionnaireLoader.Load(yaml, "kop.yaml"));
        Assert.Equal("nama_usaha", e.QuestionId);
        Assert.Contains("not a field id", e.Reason);
    }
}
