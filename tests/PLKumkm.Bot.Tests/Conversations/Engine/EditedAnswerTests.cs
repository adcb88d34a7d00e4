using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Conversations.Engine;

/// <summary>Issue 15 item 2: an edit of the message that gave the latest answer corrects it; other edits change nothing.</summary>
public sealed class EditedAnswerTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "conversations");
    private readonly ConversationEngine _engine = new(
        new QuestionnaireCatalog(QuestionnaireLoader.LoadDirectory(Folder)), RegionCatalog.Shared, RegionAliases.LoadEmbedded(),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero)));

    private SessionState _session = null!;

    private string Say(InboundContent input, string? messageId) => Texts(_engine.Handle(SessionStore.Reload(_session), input, messageId));

    private string Edit(string messageId, string text) => Texts(_engine.HandleEdit(SessionStore.Reload(_session), new TextInput(text), messageId));

    private string Texts(EngineResult result)
    {
        _session = SessionStore.Reload(result.Session);
        return string.Join("\n---\n", result.Messages.Select(m => m.Text));
    }

    private void Start(string language = "id") => _session = _engine.Start("umkm", language, consentAlreadyGiven: true).Session;

    [Fact]
    public void An_edit_of_the_latest_answer_corrects_it_and_the_question_that_was_open_is_asked_again()
    {
        Start();
        Say(new TextInput("Siti Aminh"), "m1");
        Assert.Equal("nik", _session.CurrentQuestionId);

        var said = Edit("m1", "Siti Aminah");

        Assert.StartsWith("Jawaban diperbarui: Nama pemilik → Siti Aminah", said, StringComparison.Ordinal);
        Assert.Contains("NIK", said);
        Assert.Equal("Siti Aminah", _session.Answers["nama_pemilik"]);
        Assert.Equal("nik", _session.CurrentQuestionId);

        // The same message edited again is still the latest answer.
        Assert.Contains("Siti Aminah Putri", Edit("m1", "Siti Aminah Putri"));
        Assert.Equal("Siti Aminah Putri", _session.Answers["nama_pemilik"]);
    }

    [Fact]
    public void A_bad_edit_gets_the_usual_refusal_and_the_old_answer_stays()
    {
        Start();
        Say(new TextInput("Siti Aminah"), "m1");
        Say(new TextInput("1601 0745 0890 0001"), "m2");
        Assert.Equal("jenis_kelamin", _session.CurrentQuestionId);

        var said = Edit("m2", "12345");

        Assert.Contains("16", said);
        Assert.Contains("Jawaban sebelumnya tetap: NIK → 1601********0001", said);
        Assert.DoesNotContain("1601074508900001", said);
        Assert.Contains("Jenis kelamin", said);
        Assert.Equal("1601074508900001", _session.Answers["nik"]);
        Assert.Equal("jenis_kelamin", _session.CurrentQuestionId);
    }

    [Fact]
    public void An_edit_of_an_older_message_or_one_into_a_command_changes_nothing_and_says_what_to_do_instead()
    {
        Start();
        Say(new TextInput("Siti Aminah"), "m1");
        Say(new TextInput("1601 0745 0890 0001"), "m2");
        var before = SessionStore.Reload(_session);

        foreach (var said in new[] { Edit("m1", "Budi"), Edit("m9", "Budi") })
        {
            Assert.Equal(EngineTexts.EditTooOld.Id, said);
        }

        // Even the latest answer's message: a command in an edit is not run, and the person is told to send it anew.
        Assert.Equal(EngineTexts.EditIntoCommand.Id, Edit("m2", "/batal"));
        Assert.Equal(SessionStage.Asking, _session.Stage);

        Assert.Equal(before.Answers, _session.Answers);
        Assert.Equal(before.CurrentQuestionId, _session.CurrentQuestionId);
        Assert.Equal(before.Stage, _session.Stage);
    }

    [Fact]
    public void After_an_answer_by_button_the_typed_answer_before_it_is_no_longer_the_latest()
    {
        Start();
        Say(new TextInput("Siti Aminah"), "m1");
        Say(new TextInput("1601 0745 0890 0001"), "m2");
        Say(new ChoiceInput("jenis_kelamin=P"), null);

        Assert.Equal(EngineTexts.EditTooOld.Id, Edit("m2", "1601074508900002"));
        Assert.Equal("1601074508900001", _session.Answers["nik"]);
    }

    [Fact]
    public void English_users_are_told_in_English()
    {
        Start("en");
        Say(new TextInput("Siti Aminh"), "m1");

        Assert.StartsWith("Answer updated: Owner's name → Siti Aminah", Edit("m1", "Siti Aminah"), StringComparison.Ordinal);
        Assert.Equal(EngineTexts.EditTooOld.En, Edit("m0", "x"));
    }

    [Fact]
    public void At_the_summary_a_corrected_last_answer_shows_the_summary_again_or_asks_the_question_it_opened()
    {
        WalkHappyPathToTheSummary();
        Assert.Equal(SessionStage.Reviewing, _session.Stage);
        var last = _session.LastAnswer!;
        Assert.Equal("anggota_kop", last.QuestionId);

        // "tidak" became "ya": the cooperative's name is asked before the summary comes back.
        var opened = Edit(last.MessageId, "ya");
        Assert.Contains("Jawaban diperbarui: Anggota koperasi → Ya", opened);
        Assert.Equal(SessionStage.Editing, _session.Stage);
        Assert.Equal("nama_kop", _session.CurrentQuestionId);

        Say(new TextInput("Koperasi Maju"), "k1");
        Assert.Equal(SessionStage.Reviewing, _session.Stage);
        var summary = Edit("k1", "Koperasi Maju Bersama");
        Assert.Contains("Jawaban diperbarui: Nama koperasi → Koperasi Maju Bersama", summary);
        Assert.Contains("Ringkasan jawaban Anda", summary);
        Assert.Equal(SessionStage.Reviewing, _session.Stage);
    }

    [Fact]
    public void An_edit_that_needs_a_yes_asks_for_it_and_keeps_the_old_answer_until_then()
    {
        WalkHappyPathToTheSummary();
        // The capital changed from the summary (item 22) is the latest answer.
        Say(new TextInput("22"), "n22");
        Say(new TextInput("20 juta"), "m22");
        Assert.Equal(SessionStage.Reviewing, _session.Stage);
        Assert.Equal("20000000", _session.Answers["modal"]);

        var unsure = Edit("m22", "1,2 M");

        Assert.Contains("1.200.000.000", unsure);
        Assert.Equal("20000000", _session.Answers["modal"]);
        Say(new ChoiceInput(Prompts.ButtonValue(Prompts.ConfirmKey, "ya")), null);
        Assert.Equal("1200000000", _session.Answers["modal"]);
        Assert.Equal(SessionStage.Reviewing, _session.Stage);
        Assert.Equal(new AnswerSource("modal", "m22"), _session.LastAnswer);
    }

    /// <summary>The inputs of the happy-path transcript up to its summary, each typed message with its own id.</summary>
    private void WalkHappyPathToTheSummary()
    {
        var transcript = Transcript.Parse("umkm-happy-path.transcript", File.ReadAllText(Path.Combine(Folder, "umkm-happy-path.transcript")));
        _session = _engine.Start("umkm", "id", consentAlreadyGiven: false).Session;
        var n = 0;
        foreach (var step in transcript.Steps.Skip(1).SkipLast(1))
        {
            Say(step.Input, step.Input is ChoiceInput ? null : $"h{++n}");
        }
    }
}
