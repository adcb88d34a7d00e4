using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;

namespace PLKumkm.Bot.Tests.Conversations.Engine;

/// <summary>Issue 14 item 6: the "(12/27)" counter never grows while the form is filled in.</summary>
public sealed class QuestionCounterTests
{
    private static Questionnaire Load(string id) =>
        Assert.Single(QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")), q => q.Id == id);

    /// <summary>Fills the form in order, choosing <paramref name="choices"/> where given, and returns each prompt's (position, total).</summary>
    private static List<(int Position, int Total)> Walk(Questionnaire questionnaire, SessionState session, IReadOnlyDictionary<string, string> choices)
    {
        var seen = new List<(int, int)>();
        while (Flow.Next(questionnaire, session) is { } next)
        {
            var counted = Flow.StillToCome(questionnaire, session);
            seen.Add((counted.TakeWhile(q => !ReferenceEquals(q, next)).Count() + 1, counted.Count));
            if (next.Optional)
            {
                session.Skipped.Add(next.Id);
            }
            else
            {
                session.Answers[next.Id] = choices.GetValueOrDefault(next.Id) ?? next.Options.FirstOrDefault()?.Value ?? "x";
            }
        }

        return seen;
    }

    public static TheoryData<string, string, string, string> Paths() => new()
    {
        { "umkm", "ya", "keduanya", "ya" },
        { "umkm", "tidak", "offline", "tidak" },
        { "umkm", "tidak", "online", "ya" },
        { "koperasi", "ya", "", "" },
        { "koperasi", "tidak", "", "" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_total_only_shrinks_and_the_position_goes_up_by_one(string id, string nib, string channel, string member)
    {
        var questionnaire = Load(id);
        var session = new SessionState { QuestionnaireId = id, QuestionnaireVersion = 1 };
        var seen = Walk(questionnaire, session, new Dictionary<string, string>
        {
            ["punya_nib"] = nib,
            ["cara_jual"] = channel,
            ["anggota_kop"] = member,
        });

        Assert.Equal(questionnaire.Questions.Count, seen[0].Total);
        for (var i = 1; i < seen.Count; i++)
        {
            Assert.True(seen[i].Total <= seen[i - 1].Total, $"the total grew from {seen[i - 1]} to {seen[i]}");
            Assert.Equal(seen[i - 1].Position + 1, seen[i].Position);
        }

        // Every applicable question was counted once; a conditional last question ruled out by the answer before it
        // ends the form at e.g. "(25/26)", which reads as finishing early rather than as a longer form.
        Assert.Equal(Flow.Applicable(questionnaire, session.Answers).Count(), seen[^1].Position);
    }

    [Fact]
    public void A_condition_ruled_out_by_an_answer_drops_from_the_total_at_once()
    {
        var umkm = Load("umkm");
        var session = new SessionState { QuestionnaireId = "umkm", QuestionnaireVersion = 1 };
        Assert.Contains(Flow.StillToCome(umkm, session), q => q.Id == "nib");
        session.Answers["punya_nib"] = "tidak";
        Assert.DoesNotContain(Flow.StillToCome(umkm, session), q => q.Id == "nib");
        // A question that still may come is counted although its condition does not hold yet.
        Assert.Contains(Flow.StillToCome(umkm, session), q => q.Id == "kanal_online");
        Assert.DoesNotContain(Flow.Applicable(umkm, session.Answers), q => q.Id == "kanal_online");
    }
}
