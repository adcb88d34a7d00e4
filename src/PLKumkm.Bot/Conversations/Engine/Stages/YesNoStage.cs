using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine.Stages;

/// <summary>A stage that asks the engine's own yes/no question (by its buttons or typed words); anything else asks again.</summary>
internal abstract class YesNoStage(string buttonKey) : IStageHandler
{
    public abstract SessionStage Stage { get; }

    public void Handle(Step step, InboundContent input)
    {
        switch (YesNoWords.Read(input, buttonKey))
        {
            case true:
                Yes(step);
                break;
            case false:
                No(step);
                break;
            default:
                Neither(step);
                break;
        }
    }

    public abstract void Reprompt(Step step);

    protected abstract void Yes(Step step);

    protected abstract void No(Step step);

    protected virtual void Neither(Step step) => Reprompt(step);
}
