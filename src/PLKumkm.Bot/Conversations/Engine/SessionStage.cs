namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>The fixed lifecycle every questionnaire session goes through (driven by <see cref="SessionLifecycle"/>).</summary>
internal enum SessionStage
{
    Consent,
    Asking,
    ConfirmingCancel,
    Reviewing,
    Editing,
    Submitted,
    Cancelled,
}
