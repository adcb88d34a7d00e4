using Stateless;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// The session lifecycle as a Stateless machine over <see cref="SessionState.Stage"/>. It is rebuilt
/// on every message from the persisted state, so it holds nothing of its own. Question-by-question
/// movement is not a state here: it is data (<see cref="SessionState.CurrentQuestionId"/>).
/// </summary>
internal sealed class SessionLifecycle
{
    internal enum Trigger
    {
        Agree,
        Decline,
        AllAnswered,
        Edit,
        BackFromReview,
        RequestCancel,
        ConfirmCancel,
        KeepGoing,
        Submit,
    }

    private readonly StateMachine<SessionStage, Trigger> _machine;

    public SessionLifecycle(SessionState session)
    {
        _machine = new StateMachine<SessionStage, Trigger>(() => session.Stage, s => session.Stage = s);

        _machine.Configure(SessionStage.Consent)
            .Permit(Trigger.Agree, SessionStage.Asking)
            .Permit(Trigger.Decline, SessionStage.Cancelled)
            .Permit(Trigger.RequestCancel, SessionStage.Cancelled);

        _machine.Configure(SessionStage.Asking)
            .Permit(Trigger.AllAnswered, SessionStage.Reviewing)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(session, t, SessionStage.Asking));

        _machine.Configure(SessionStage.Editing)
            .Permit(Trigger.AllAnswered, SessionStage.Reviewing)
            .Permit(Trigger.BackFromReview, SessionStage.Reviewing)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(session, t, SessionStage.Editing));

        _machine.Configure(SessionStage.Reviewing)
            .Permit(Trigger.Edit, SessionStage.Editing)
            .Permit(Trigger.BackFromReview, SessionStage.Asking)
            .Permit(Trigger.Submit, SessionStage.Submitted)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(session, t, SessionStage.Reviewing));

        _machine.Configure(SessionStage.ConfirmingCancel)
            .Permit(Trigger.ConfirmCancel, SessionStage.Cancelled)
            .PermitDynamic(Trigger.KeepGoing, () => session.StageBeforeCancel ?? SessionStage.Asking)
            .OnExit(() => session.StageBeforeCancel = null);

        _machine.Configure(SessionStage.Submitted);
        _machine.Configure(SessionStage.Cancelled);
    }

    // "No, continue" after /batal returns to the stage the person was in.
    private static void RememberWhereCancelCameFrom(SessionState session, StateMachine<SessionStage, Trigger>.Transition transition, SessionStage stage)
    {
        if (transition.Trigger == Trigger.RequestCancel)
        {
            session.StageBeforeCancel = stage;
        }
    }

    public bool CanFire(Trigger trigger) => _machine.CanFire(trigger);

    public void Fire(Trigger trigger) => _machine.Fire(trigger);
}
