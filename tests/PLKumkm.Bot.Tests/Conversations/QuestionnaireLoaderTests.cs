using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Tests.Conversations;

public sealed class QuestionnaireLoaderTests
{
    /// <summary>A questionnaire's head, up to its <c>questions:</c> (the questions follow, indented by two).</summary>
    internal const string Header = """
        id: test
        version: 1
        kind: umkm
        title: Uji
        consent:
          notice_version: v1
          text: Setuju?
        questions:
        """;

    private const string Village = """

          - id: kode_desa
            type: region
            label: Desa
            prompt: Di mana?
        """;

    private static Questionnaire Load(string questions) => QuestionnaireLoader.Load(Header + questions + Village, "test.yaml");

    private static QuestionnaireDefinitionException Broken(string yaml) =>
        Assert.Throws<QuestionnaireDefinitionException>(() => QuestionnaireLoader.Load(yaml, "test.yaml"));

    private static QuestionnaireDefinitionException BrokenQuestions(string questions) => Broken(Header + questions + Village);

    [Fact]
    public void The_shipped_questionnaires_load()
    {
        var all = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations"));
        var umkm = Assert.Single(all, q => q.Id == "umkm");
        Assert.Equal(RecordKind.Umkm, umkm.Kind);
        Assert.Contains(umkm.Questions, q => q is { Id: "nib", When: not null });
        Assert.Contains(umkm.Questions, q => q is { Id: "kanal_online", Type: QuestionType.MultiChoice });
    }

    [Fact]
    public void A_minimal_file_loads_with_both_languages()
    {
        var q = Load("""

              - id: nama_usaha
                type: text
                label: { id: Nama usaha, en: Business name }
                prompt: Apa nama usahanya?
            """);
        Assert.Equal("Business name", q.Questions[0].Label.En);
        Assert.Equal("Apa nama usahanya?", q.Questions[0].Prompt.En);
    }

    [Fact]
    public void Yaml_syntax_error_names_the_line() =>
        Assert.Contains("line", Broken("id: test\nversion: [1\n").Message);

    [Fact]
    public void Unknown_key_is_refused_by_name_and_line()
    {
        // Everything else in the file is valid, so only the unknown key can be what is refused.
        const string Fine = "\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y";
        Assert.Equal("x", Load(Fine).Questions[0].Label.Id);

        var message = BrokenQuestions(Fine + "\n    colour: red").Message;

        Assert.Contains("test.yaml", message, StringComparison.Ordinal);
        Assert.Contains("colour", message, StringComparison.Ordinal);
        Assert.Contains("line 13", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_file_is_refused() => Assert.Contains("empty", Broken("").Message);

    [Theory]
    [InlineData("id: Test Q\nversion: 1\nkind: umkm\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions: []", "'id'")]
    [InlineData("id: t\nversion: 0\nkind: umkm\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions: []", "'version'")]
    [InlineData("id: t\nversion: 1\nkind: toko\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions: []", "'kind'")]
    [InlineData("id: t\nversion: 1\nkind: umkm\nconsent: {notice_version: v, text: t}\nquestions: []", "title")]
    [InlineData("id: t\nversion: 1\nkind: umkm\ntitle: t\nquestions: []", "consent")]
    [InlineData("id: t\nversion: 1\nkind: umkm\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions: []", "at least one question")]
    [InlineData("id: t\nversion: 1\nkind: umkm\ntitle: {en: Test}\nconsent: {notice_version: v, text: t}\nquestions: []", "Indonesian")]
    [InlineData("id: t\nversion: 1\nkind: umkm\ntitle: {id: Uji, fr: Test}\nconsent: {notice_version: v, text: t}\nquestions: []", "unknown language")]
    public void Broken_header_is_refused(string yaml, string reason) => Assert.Contains(reason, Broken(yaml).Message);

    [Fact]
    public void Without_kode_desa_is_refused() =>
        Assert.Contains("kode_desa", Broken(Header + "\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y\n").Message);

    [Theory]
    [InlineData("\n  - id: nama_usaha\n    type: texte\n    label: x\n    prompt: y", "unknown type 'texte'")]
    [InlineData("\n  - id: nama usaha\n    type: text\n    label: x\n    prompt: y", "'id' is required")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y", "used twice")]
    [InlineData("\n  - id: nama_toko\n    type: text\n    label: x\n    prompt: y", "not a field id")]
    [InlineData("\n  - id: waktu_kirim\n    type: date\n    label: x\n    prompt: y", "filled by the system")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    label: x", "'prompt' is required")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    prompt: y", "'label' is required")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y", "at least two 'options'")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y\n    options:\n      - {value: L, label: L}", "at least two")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y\n    options:\n      - {value: L, label: L}\n      - {value: l, label: P}", "used twice")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y\n    options:\n      - {value: L, label: L}\n      - {label: P}", "'value'")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y\n    options:\n      - {value: L, label: L}\n      - {value: P}", "label of option 'P'")]
    [InlineData("\n  - id: jenis_kelamin\n    type: choice\n    label: x\n    prompt: y\n    options:\n      - {value: L, label: L}\n      - {value: perempuan_yang_sangat_panjang_sekali_melebihi_batas_tombol, label: P}", "too long for a button")]
    [InlineData("\n  - id: anggota_kop\n    type: yesno\n    label: x\n    prompt: y\n    options:\n      - {value: a, label: a}\n      - {value: b, label: b}", "own options")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y\n    options:\n      - {value: a, label: a}\n      - {value: b, label: b}", "only apply to choice")]
    [InlineData("\n  - id: nib\n    type: nib\n    when: punya_nib = ya\n    label: x\n    prompt: y", "not an earlier question")]
    [InlineData("\n  - id: punya_nib\n    type: yesno\n    store: false\n    label: x\n    prompt: y\n  - id: nib\n    type: nib\n    when: punya_nib = mungkin\n    label: x\n    prompt: y", "not an option of 'punya_nib'")]
    [InlineData("\n  - id: punya_nib\n    type: yesno\n    store: false\n    label: x\n    prompt: y\n  - id: nib\n    type: nib\n    when: punya_nib ~ ya\n    label: x\n    prompt: y", "cannot read condition")]
    [InlineData("\n  - id: tk_total\n    type: integer\n    min: 10\n    max: 1\n    label: x\n    prompt: y", "'min' is larger")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    min: 1\n    label: x\n    prompt: y", "only apply to integer")]
    [InlineData("\n  - id: modal\n    type: money\n    annualize_by: nama_usaha\n    label: x\n    prompt: y", "'annualize_by'")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    annualize_by: x\n    label: x\n    prompt: y", "only applies to money")]
    [InlineData("\n  - id: tk_dibayar\n    type: integer\n    max_from: tk_total\n    label: x\n    prompt: y", "'max_from'")]
    [InlineData("\n  - id: nama_usaha\n    type: text\n    max_length: 0\n    label: x\n    prompt: y", "'max_length'")]
    [InlineData("\n  - id: titik\n    type: location\n    label: x\n    prompt: y", "must have id 'lokasi'")]
    public void Broken_question_is_refused_with_file_question_and_reason(string questions, string reason)
    {
        var e = BrokenQuestions(questions);
        Assert.Contains(reason, e.Message);
        Assert.StartsWith("test.yaml", e.Message);
    }

    [Fact]
    public void Question_id_is_named_in_the_error()
    {
        var e = BrokenQuestions("\n  - id: tk_total\n    type: integer\n    min: 10\n    max: 1\n    label: x\n    prompt: y");
        Assert.Equal("tk_total", e.QuestionId);
        Assert.Equal("test.yaml", e.File);
    }

    [Fact]
    public void Two_files_with_the_same_id_are_refused()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var yaml = Header + "\n  - id: nama_usaha\n    type: text\n    label: x\n    prompt: y" + Village;
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"), yaml);
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"), yaml);
            var e = Assert.Throws<QuestionnaireDefinitionException>(() => QuestionnaireLoader.LoadDirectory(folder.FullName));
            Assert.Contains("more than one file", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
