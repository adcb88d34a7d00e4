using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>Submitted or cancelled: the session is over and answers nothing (a new one starts with <c>/start</c>).</summary>
internal sealed class ClosedStage(SessionStage stage) : IStageHandler
{
    public SessionStage Stage => stage;

    public void Handle(Step step, InboundContent input)
    {
    }

    public void Reprompt(Step step)
    {
    }
}
