using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Conversations.Types;

/// <summary>
/// A question type is one class registered by name: this test-only PIN type (typed twice to be sure, shown masked)
/// works from a YAML questionnaire through the loader and the engine without either knowing it.
/// </summary>
public sealed class QuestionTypePluginTests
{
    private const string Yaml = """
        id: pin_test
        version: 1
        kind: umkm
        title: Uji PIN
        consent:
          notice_version: v1
          text: Setuju?
        questions:
          - id: pin
            type: pin
            store: false
            label: PIN
            prompt: Pilih PIN Anda.
          - id: kode_desa
            type: region
            label: Desa
            prompt: Di desa mana?
        """;

    private static readonly QuestionTypeRegistry Types = QuestionTypeRegistry.Default.With(new PinType());

    [Fact]
    public void The_built_in_registry_does_not_know_it()
    {
        var e = Assert.Throws<QuestionnaireDefinitionException>(() => QuestionnaireLoader.Load(Yaml, "pin.yaml"));
        Assert.Contains("unknown type 'pin'", e.Message);
    }

    [Fact]
    public void Its_own_yaml_keys_are_checked_by_it()
    {
        var e = Assert.Throws<QuestionnaireDefinitionException>(() =>
            QuestionnaireLoader.Load(Yaml.Replace("    prompt: Pilih PIN Anda.", "    prompt: Pilih PIN Anda.\n    min: 1"), "pin.yaml", Types));
        Assert.Contains("'min'/'max' only apply to integer, money and year questions", e.Message);
    }

    [Fact]
    public void A_registered_type_is_asked_read_in_two_steps_and_shown_by_its_plug_in()
    {
        var catalog = new QuestionnaireCatalog([QuestionnaireLoader.Load(Yaml, "pin.yaml", Types)]);
        var engine = new ConversationEngine(catalog, RegionCatalog.Shared, RegionAliases.Empty, new FakeTimeProvider(DateTimeOffset.UnixEpoch), Types);

        var started = engine.Start("pin_test", "id", consentAlreadyGiven: true);
        Assert.Contains("(4–6 angka)", started.Messages[0].Text);

        var refused = Say(engine, started.Session, "12ab");
        Assert.Contains("PIN hanya angka", Text(refused));

        var first = Say(engine, refused.Session, "4321");
        Assert.Contains("Ketik sekali lagi", Text(first));

        // The step between is the plug-in's own state, kept through a reload like any session.
        var mismatch = Say(engine, first.Session, "1234");
        Assert.Contains("tidak sama", Text(mismatch));

        var again = Say(engine, Say(engine, mismatch.Session, "4321").Session, "4321");
        Assert.Equal("4321", again.Session.Answers["pin"]);
        Assert.Contains("Di desa mana?", Text(again));

        var summary = Say(engine, again.Session, "16.01.07.2001");
        Assert.Contains("1. PIN: ••••", Text(summary));
        Assert.DoesNotContain("4321", Text(summary));
    }

    [Fact]
    public void Its_reading_of_raw_text_serves_quick_entry_and_import()
    {
        var questionnaire = QuestionnaireLoader.Load(Yaml, "pin.yaml", Types);
        var types = new QuestionTypes(RegionCatalog.Shared, registry: Types);

        var reading = types.Read(questionnaire.Find("pin")!, " 987654 ", new Dictionary<string, string>(), new DateOnly(2026, 11, 27));

        Assert.Equal(new AnswerReading.Accepted("987654"), reading);
    }

    private static EngineResult Say(ConversationEngine engine, SessionState session, string text) =>
        engine.Handle(SessionStore.Reload(session), new TextInput(text));

    private static string Text(EngineResult result) => string.Join("\n", result.Messages.Select(m => m.Text));

    /// <summary>A PIN of 4–6 digits, typed twice in the chat; one cell or quick-entry value elsewhere.</summary>
    private sealed class PinType : QuestionTypeBase
    {
        public override string Name => "pin";

        protected override AnswerReading ReadCleaned(Question question, string text, QuestionContext context) =>
            text.Length is >= 4 and <= 6 && text.All(char.IsAsciiDigit)
                ? new AnswerReading.Accepted(text)
                : new AnswerReading.Rejected(new UserText("PIN hanya angka, 4–6 digit.", "A PIN is 4–6 digits."));

        protected override AnswerReading AnswerText(Question question, string text, ChatTurn turn)
        {
            var reading = Read(question, text, turn.Context);
            if (reading is not AnswerReading.Accepted accepted)
            {
                return reading;
            }

            if (turn.Session.QuestionStateAs<FirstEntry>() is not { } first)
            {
                turn.Session.QuestionState = new FirstEntry { Pin = accepted.Value };
                return new AnswerReading.Partial(new OutboundMessage("Ketik sekali lagi untuk memastikan."));
            }

            turn.Session.QuestionState = null;
            return first.Pin == accepted.Value
                ? accepted
                : new AnswerReading.Rejected(new UserText("PIN tidak sama; mulai lagi.", "The PINs differ; start again."));
        }

        public override OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn) =>
            asked with { Text = asked.Text + " (4–6 angka)" };

        public override string Display(Question question, string value, QuestionContext context) => new('•', value.Length);
    }

    private sealed class FirstEntry
    {
        public string Pin { get; set; } = "";
    }
}
