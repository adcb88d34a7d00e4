using PLKumkm.Bot.Conversations.Engine;

namespace PLKumkm.Bot.Tests.Conversations.Engine;

/// <summary>One machine, built once, moves every session by its own stage.</summary>
public sealed class SessionLifecycleTests
{
    private static readonly SessionLifecycle Lifecycle = new();

    private static SessionState Session(SessionStage stage) => new() { QuestionnaireId = "umkm", QuestionnaireVersion = 1, Stage = stage };

    [Fact]
    public void Not_cancelling_after_all_returns_each_session_to_its_own_stage()
    {
        var asking = Session(SessionStage.Asking);
        var reviewing = Session(SessionStage.Reviewing);

        Lifecycle.Fire(asking, SessionLifecycle.Trigger.RequestCancel);
        Lifecycle.Fire(reviewing, SessionLifecycle.Trigger.RequestCancel);
        Lifecycle.Fire(asking, SessionLifecycle.Trigger.KeepGoing);
        Lifecycle.Fire(reviewing, SessionLifecycle.Trigger.KeepGoing);

        Assert.Equal(SessionStage.Asking, asking.Stage);
        Assert.Equal(SessionStage.Reviewing, reviewing.Stage);
        Assert.Null(asking.StageBeforeCancel);
    }

    [Fact]
    public void Cancelling_before_consent_ends_at_once_and_a_trigger_that_does_not_apply_changes_nothing()
    {
        var consent = Session(SessionStage.Consent);
        Assert.True(Lifecycle.TryFire(consent, SessionLifecycle.Trigger.RequestCancel));
        Assert.Equal(SessionStage.Cancelled, consent.Stage);

        var over = Session(SessionStage.Submitted);
        Assert.False(Lifecycle.TryFire(over, SessionLifecycle.Trigger.AllAnswered));
        Assert.Equal(SessionStage.Submitted, over.Stage);
    }

    [Fact]
    public void Sessions_moved_at_the_same_time_do_not_mix()
    {
        var sessions = Enumerable.Range(0, 2_000).Select(_ => Session(SessionStage.Consent)).ToList();

        Parallel.ForEach(sessions, s =>
        {
            Lifecycle.Fire(s, SessionLifecycle.Trigger.Agree);
            Lifecycle.Fire(s, SessionLifecycle.Trigger.AllAnswered);
            Lifecycle.Fire(s, SessionLifecycle.Trigger.Edit);
        });

        Assert.All(sessions, s => Assert.Equal(SessionStage.Editing, s.Stage));
    }
}
