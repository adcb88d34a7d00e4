using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>
/// What one lifecycle stage does with a message; which stage comes next is <see cref="SessionLifecycle"/>'s alone.
/// The engine picks the handler by <see cref="SessionState.Stage"/> after the commands every stage shares.
/// </summary>
internal interface IStageHandler
{
    SessionStage Stage { get; }

    void Handle(Step step, InboundContent input);

    /// <summary>Repeats what this stage asks.</summary>
    void Reprompt(Step step);

    /// <summary><c>/kembali</c>; false when it means nothing here (the text then goes to <see cref="Handle"/>).</summary>
    bool Back(Step step) => false;

    /// <summary><c>/lewati</c>; false when there is no question to skip.</summary>
    bool Skip(Step step) => false;

    /// <summary>The help of what is asked now, or null for the general hint.</summary>
    string? Help(Step step) => null;
}
