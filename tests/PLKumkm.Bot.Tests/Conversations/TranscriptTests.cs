using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>Replays every <c>conversations/*.transcript</c> through the engine, reloading the session between steps.</summary>
public sealed class TranscriptTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "conversations");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.transcript").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Transcript_plays_as_written(string file)
    {
        var transcript = Transcript.Parse(file, File.ReadAllText(Path.Combine(Folder, file)));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));
        var catalog = new QuestionnaireCatalog(QuestionnaireLoader.LoadDirectory(Folder));
        var engine = new ConversationEngine(catalog, RegionCatalog.Shared, RegionAliases.LoadEmbedded(), clock);
        SessionState? session = null;
        IReadOnlyDictionary<string, string>? submitted = null;
        var consented = transcript.Consented;
        var saidPerStep = new List<IReadOnlyList<string>>();
        var sent = new List<string>();

        foreach (var step in transcript.Steps)
        {
            EngineResult result;
            if (session is null || session.IsOver)
            {
                Assert.True(step.Input is PLKumkm.Bot.Messaging.TextInput { Text: "/start" },
                    $"{file}:{step.Line}: the conversation starts (again) with /start");
                result = engine.Start(transcript.Questionnaire, transcript.Language, consented);
            }
            else if (step.EditsBack is { } back)
            {
                result = engine.HandleEdit(SessionStore.Reload(session), step.Input, sent[^back]);
            }
            else
            {
                result = engine.Handle(SessionStore.Reload(session), step.Input, $"m{step.Line}");
            }

            if (step.EditsBack is null)
            {
                sent.Add($"m{step.Line}");
            }

            session = SessionStore.Reload(result.Session);
            clock.Advance(TimeSpan.FromSeconds(30));
            consented |= result.Events.OfType<ConsentGiven>().Any();
            var ready = result.Events.OfType<SubmissionReady>().FirstOrDefault();
            if (ready is not null)
            {
                submitted = ready.Answers;
            }

            var said = Transcript.Render(
                result.Messages.Select(m => (m.Text, m.Options.Select(o => (o.Label, o.Value)))), ready is not null);
            saidPerStep.Add(said);
            if (!Rewriting)
            {
                Assert.True(step.Golden.Count > 0,
                    $"{file}:{step.Line}: no expected reply written; run the tests with UPDATE_TRANSCRIPTS=1 to write it, then review the diff");
                Assert.True(step.Golden.SequenceEqual(said, StringComparer.Ordinal),
                    $"{file}:{step.Line}: the bot's reply differs from the transcript (- expected, + said; UPDATE_TRANSCRIPTS=1 rewrites):\n"
                    + GoldenDiff.Describe(step.Golden, said));
            }

            var joined = Normalize(string.Join('\n', said));
            foreach (var absent in step.Absent)
            {
                Assert.False(joined.Contains(Normalize(absent), StringComparison.Ordinal),
                    $"{file}:{step.Line}: the bot must not say «{absent}», but it said:\n{string.Join('\n', said)}");
            }

            foreach (var (field, value, line) in step.Stored)
            {
                Assert.True(submitted is not null, $"{file}:{line}: nothing was submitted yet");
                Assert.True(value == submitted!.GetValueOrDefault(field),
                    $"{file}:{line}: field '{field}' expected «{value ?? "(absent)"}» but was «{submitted.GetValueOrDefault(field) ?? "(absent)"}»");
            }
        }

        if (Rewriting)
        {
            File.WriteAllText(Path.Combine(RepositoryConversations(), file), transcript.Rewrite(saidPerStep));
        }
    }

    private static bool Rewriting => Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS") == "1";

    /// <summary>The repository's <c>conversations/</c> folder (not the copy beside the test binaries).</summary>
    private static string RepositoryConversations()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PLKumkm.Bot.sln")))
            {
                return Path.Combine(dir.FullName, "conversations");
            }
        }

        throw new InvalidOperationException("UPDATE_TRANSCRIPTS=1 needs the tests to run inside the repository");
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
