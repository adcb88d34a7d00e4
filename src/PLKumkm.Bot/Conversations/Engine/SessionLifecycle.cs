using Stateless;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// The session lifecycle: the only definition of which stage follows which. One Stateless machine, built once, over
/// the <see cref="SessionState.Stage"/> of the session being moved: firing binds the machine to that session for the
/// length of the transition (under a lock, the engine serving many chats at once). What each stage does is its
/// handler's (<c>Stages/</c>). Question-by-question movement is not a state here: it is data
/// (<see cref="SessionState.CurrentQuestionId"/>).
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
    private readonly Lock _gate = new();
    private SessionState? _moving;

    public SessionLifecycle()
    {
        // Stateless reads the state once when built, before any session is bound: a new session's stage.
        _machine = new StateMachine<SessionStage, Trigger>(() => _moving?.Stage ?? SessionStage.Consent, s => Moving.Stage = s);

        _machine.Configure(SessionStage.Consent)
            .Permit(Trigger.Agree, SessionStage.Asking)
            .Permit(Trigger.Decline, SessionStage.Cancelled)
            .Permit(Trigger.RequestCancel, SessionStage.Cancelled);

        _machine.Configure(SessionStage.Asking)
            .Permit(Trigger.AllAnswered, SessionStage.Reviewing)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(t, SessionStage.Asking));

        _machine.Configure(SessionStage.Editing)
            .Permit(Trigger.AllAnswered, SessionStage.Reviewing)
            .Permit(Trigger.BackFromReview, SessionStage.Reviewing)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(t, SessionStage.Editing));

        _machine.Configure(SessionStage.Reviewing)
            .Permit(Trigger.Edit, SessionStage.Editing)
            .Permit(Trigger.BackFromReview, SessionStage.Asking)
            .Permit(Trigger.Submit, SessionStage.Submitted)
            .Permit(Trigger.RequestCancel, SessionStage.ConfirmingCancel)
            .OnExit(t => RememberWhereCancelCameFrom(t, SessionStage.Reviewing));

        _machine.Configure(SessionStage.ConfirmingCancel)
            .Permit(Trigger.ConfirmCancel, SessionStage.Cancelled)
            .PermitDynamic(Trigger.KeepGoing, () => Moving.StageBeforeCancel ?? SessionStage.Asking)
            .OnExit(() => Moving.StageBeforeCancel = null);

        _machine.Configure(SessionStage.Submitted);
        _machine.Configure(SessionStage.Cancelled);
    }

    private SessionState Moving => _moving ?? throw new InvalidOperationException("the lifecycle is used outside a transition");

    public bool CanFire(SessionState session, Trigger trigger) => On(session, () => _machine.CanFire(trigger));

    public void Fire(SessionState session, Trigger trigger) => On(session, () =>
    {
        _machine.Fire(trigger);
        return true;
    });

    /// <summary>Fires <paramref name="trigger"/> when the session's stage permits it; false (and no change) otherwise.</summary>
    public bool TryFire(SessionState session, Trigger trigger) => On(session, () =>
    {
        if (!_machine.CanFire(trigger))
        {
            return false;
        }

        _machine.Fire(trigger);
        return true;
    });

    private bool On(SessionState session, Func<bool> act)
    {
        lock (_gate)
        {
            _moving = session;
            try
            {
                return act();
            }
            finally
            {
                _moving = null;
            }
        }
    }

    // "No, continue" after /batal returns to the stage the person was in.
    private void RememberWhereCancelCameFrom(StateMachine<SessionStage, Trigger>.Transition transition, SessionStage stage)
    {
        if (transition.Trigger == Trigger.RequestCancel)
        {
            Moving.StageBeforeCancel = stage;
        }
    }
}
