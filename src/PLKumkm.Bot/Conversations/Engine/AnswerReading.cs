using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>The outcome of reading one input as an answer to one question.</summary>
internal abstract record AnswerReading
{
    /// <summary>A canonical value to store; <see cref="Note"/> is echoed (e.g. a warning or the formatted amount).</summary>
    public sealed record Accepted(string Value, UserText? Note = null) : AnswerReading
    {
        /// <summary>
        /// Earlier choice answers this answer settles, stored with it: a turnover written "500rb/hari" after choosing
        /// "per bulan" was counted per day, so its period becomes per day and it is shown in the period it was given
        /// in (not as Rp12.500.000 per bulan).
        /// </summary>
        public IReadOnlyDictionary<string, string>? Settles { get; init; }
    }

    /// <summary>Readable but unusual: ask "do you mean …?" before storing.</summary>
    public sealed record Unsure(string Value, string Display) : AnswerReading
    {
        /// <summary>As <see cref="Accepted.Settles"/>, stored once confirmed.</summary>
        public IReadOnlyDictionary<string, string>? Settles { get; init; }
    }

    /// <summary>Not an answer: say why and ask again; nothing already given changes.</summary>
    public sealed record Rejected(UserText Reason) : AnswerReading;

    /// <summary>Consumed (e.g. a multiple-choice toggle) without finishing the question.</summary>
    public sealed record Partial(OutboundMessage Reply) : AnswerReading;
}
