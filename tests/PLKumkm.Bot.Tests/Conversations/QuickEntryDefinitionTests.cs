using PLKumkm.Bot.Conversations.Definition;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>The <c>quick_entry:</c> section of a questionnaire file: keys, required fields and the form, checked at load.</summary>
public sealed class QuickEntryDefinitionTests
{
    private const string Questionnaire = QuestionnaireLoaderTests.Header + "\n" + """
          - id: nama_usaha
            type: text
            label: Nama usaha
            prompt: Nama usahanya?
          - id: tk_total
            type: integer
            optional: true
            label: Pekerja
            prompt: Berapa pekerja?
          - id: kode_desa
            type: region
            label: Desa
            prompt: Di mana?

        """;

    private static QuickEntryDefinition Load(string section) => QuestionnaireLoader.Load(Questionnaire + section, "test.yaml").QuickEntry;

    private static string Broken(string section) =>
        Assert.Throws<QuestionnaireDefinitionException>(() => Load(section)).Message;

    [Fact]
    public void The_shipped_questionnaires_say_what_an_entry_and_an_import_row_need()
    {
        var all = QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations"));
        var umkm = all.Single(q => q.Id == "umkm").QuickEntry;
        Assert.Equal(["nik", "nama_pemilik", "nama_usaha", "kode_desa"], umkm.Required);
        Assert.Equal(["nik", "nama_pemilik", "nama_usaha", "kode_desa", "kbli"], umkm.RequiredInEntry);
        Assert.Contains(umkm.Fields, f => f is { FieldId: "hp", Label: "HP", Typeable: true } && f.Names.Contains("no hp"));
        Assert.Contains(umkm.Fields, f => f is { FieldId: "foto", Typeable: false });
        Assert.Equal(["nama_koperasi", "kode_desa"], all.Single(q => q.Id == "koperasi").QuickEntry.RequiredInEntry);
    }

    [Fact]
    public void Without_a_section_field_ids_and_labels_are_the_keys_and_what_the_chat_cannot_skip_is_required()
    {
        var definition = Load("");
        Assert.Equal(["nama_usaha", "kode_desa"], definition.Required);
        Assert.Equal(["nama_usaha", "tk_total", "kode_desa"], definition.Form);
        var workers = Assert.Single(definition.Fields, f => f.FieldId == "tk_total");
        Assert.Equal("Pekerja", workers.Label);
        Assert.Equal(["tk_total", "Pekerja"], workers.Names);
    }

    [Fact]
    public void A_section_names_keys_required_fields_and_the_form()
    {
        var definition = Load("""
            quick_entry:
              required: [kode_desa]
              required_in_entry: [tk_total]
              form: [nama_usaha, kode_desa]
              keys:
                nama_usaha: [Usaha, toko]
            """);
        Assert.Equal(["kode_desa"], definition.Required);
        Assert.Equal(["kode_desa", "tk_total"], definition.RequiredInEntry);
        Assert.Equal(["nama_usaha", "Usaha", "toko"], Assert.Single(definition.Fields, f => f.FieldId == "nama_usaha").Names);
    }

    [Theory]
    [InlineData("keys: { nama_usaha: [Usaha], tk_total: [usaha] }", "the key 'usaha' of 'tk_total' is also a key of 'nama_usaha'")]
    [InlineData("keys: { tk_total: [nama usaha] }", "the key 'nama usaha' of 'tk_total' is also a key of 'nama_usaha'")]
    [InlineData("keys: { warna: [Warna] }", "keys of 'warna', which is neither a question nor a field id")]
    [InlineData("required: [nama_usaha]", "'required' must name 'kode_desa'")]
    [InlineData("form: [warna]", "'form' names 'warna', which is not a question that can be typed")]
    [InlineData("required_in_entry: [lat]", "'required_in_entry' names 'lat'")]
    public void A_broken_section_stops_the_load_naming_the_reason(string section, string reason) =>
        Assert.Contains("quick_entry: " + reason, Broken("quick_entry:\n  " + section + "\n"), StringComparison.Ordinal);
}
