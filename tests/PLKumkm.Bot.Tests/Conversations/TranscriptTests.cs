using System.Text;
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

        foreach (var step in transcript.Steps)
        {
            EngineResult result;
            if (session is null || session.IsOver)
            {
                Assert.True(step.Input is PLKumkm.Bot.Messaging.TextInput { Text: "/start" },
                    $"{file}:{step.Line}: the conversation starts (again) with /start");
                result = engine.Start(transcript.Questionnaire, transcript.Language, consented);
            }
            else
            {
                result = engine.Handle(SessionStore.Reload(session), step.Input);
            }

            session = SessionStore.Reload(result.Session);
            clock.Advance(TimeSpan.FromSeconds(30));
            consented |= result.Events.OfType<ConsentGiven>().Any();
            var ready = result.Events.OfType<SubmissionReady>().FirstOrDefault();
            if (ready is not null)
            {
                submitted = ready.Answers;
            }

            var said = Render(result);
            foreach (var expected in step.Expected)
            {
                Assert.True(Normalize(said).Contains(Normalize(expected), StringComparison.Ordinal),
                    $"{file}:{step.Line}: expected the bot to say «{expected}», but it said:\n{said}");
            }

            foreach (var absent in step.Absent)
            {
                Assert.False(Normalize(said).Contains(Normalize(absent), StringComparison.Ordinal),
                    $"{file}:{step.Line}: the bot must not say «{absent}», but it said:\n{said}");
            }

            foreach (var (field, value, line) in step.Stored)
            {
                Assert.True(submitted is not null, $"{file}:{line}: nothing was submitted yet");
                Assert.True(value == submitted!.GetValueOrDefault(field),
                    $"{file}:{line}: field '{field}' expected «{value ?? "(absent)"}» but was «{submitted.GetValueOrDefault(field) ?? "(absent)"}»");
            }
        }
    }

    private static string Render(EngineResult result)
    {
        var sb = new StringBuilder();
        foreach (var m in result.Messages)
        {
            sb.AppendLine(m.Text);
            foreach (var o in m.Options)
            {
                sb.Append("  [").Append(o.Label).Append("] ").AppendLine(o.Value);
            }
        }

        if (result.Events.OfType<SubmissionReady>().Any())
        {
            sb.AppendLine("(submitted)");
        }

        return sb.ToString();
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
