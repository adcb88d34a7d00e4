using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>The outcome of reading one input as an answer to one question.</summary>
internal abstract record AnswerReading
{
    /// <summary>A canonical value to store; <see cref="Note"/> is echoed (e.g. a warning or the formatted amount).</summary>
    public sealed record Accepted(string Value, UserText? Note = null) : AnswerReading;

    /// <summary>Readable but unusual: ask "do you mean …?" before storing.</summary>
    public sealed record Unsure(string Value, string Display) : AnswerReading;

    /// <summary>Not an answer: say why and ask again; nothing already given changes.</summary>
    public sealed record Rejected(UserText Reason) : AnswerReading;

    /// <summary>Consumed (e.g. a multiple-choice toggle) without finishing the question.</summary>
    public sealed record Partial(OutboundMessage Reply) : AnswerReading;
}
