using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// One kind of question (<c>type:</c> in the YAML): what its YAML may say, how an answer is read from the chat and
/// from a quick entry or import cell, how it is asked and how a stored answer reads back. Registered by
/// <see cref="Name"/> in <see cref="QuestionTypeRegistry"/>; the loader and the engine know no type by name.
/// Implementations are stateless singletons: a question's own steps (the village stepper's level, the KBLI codes
/// offered) live in <see cref="SessionState.QuestionState"/>.
/// </summary>
internal interface IQuestionType
{
    /// <summary>As written in the YAML <c>type:</c> (lower case; <c>_</c> in the file is ignored).</summary>
    string Name { get; }

    /// <summary>The type-specific YAML keys this type reads; the loader refuses the others.</summary>
    QuestionKeys Keys { get; }

    /// <summary>The only id a stored question of this type may have (it fills fields of its own), or null for any field id.</summary>
    string? StoredId { get; }

    /// <summary>Whether a stored answer is one (or a list) of the options' values, so a condition on it names options.</summary>
    bool ValuesAreOptions { get; }

    /// <summary>Whether answers are mostly one of few values (amounts, counts, codes): an import remembers their readings.</summary>
    bool FewDistinctValues { get; }

    /// <summary>The options the question offers: the written ones (checked by <paramref name="spec"/>) or its own.</summary>
    IReadOnlyList<ChoiceOption> Options(QuestionSpec spec);

    /// <summary>Checks at load what only this type knows (e.g. <c>annualize_by</c> names a period question); fails through <paramref name="spec"/>.</summary>
    void Check(QuestionSpec spec, Question question);

    /// <summary>Reads raw text (typed in the chat, a quick-entry value, an import cell) as the answer.</summary>
    AnswerReading Read(Question question, string text, QuestionContext context);

    /// <summary>Reads one chat input (text, a button, a shared contact, location or photo), moving the question's own steps.</summary>
    AnswerReading Answer(Question question, InboundContent input, ChatTurn turn);

    /// <summary>The question as asked: <paramref name="asked"/> (numbered prompt) with this type's buttons, requests and steps.</summary>
    OutboundMessage Prompt(Question question, OutboundMessage asked, ChatTurn turn);

    /// <summary>Whether the prompt shows the stored answer as "current answer" (a type may show it its own way).</summary>
    bool PromptShowsCurrentAnswer { get; }

    /// <summary>One of the question's own steps back (<c>/kembali</c>), or null when at its first step.</summary>
    OutboundMessage? Back(Question question, ChatTurn turn);

    /// <summary>What to ask after a refused answer instead of the whole question (the step the person is at), or null.</summary>
    OutboundMessage? Retry(Question question, ChatTurn turn);

    /// <summary>How a stored answer reads back (summary, current answer): NIK masked, money formatted, labels for codes.</summary>
    string Display(Question question, string value, QuestionContext context);
}

/// <summary>Type-specific YAML keys of a question.</summary>
[Flags]
internal enum QuestionKeys
{
    None = 0,
    Options = 1,
    MinMax = 2,
    AnnualizeBy = 4,
    MaxFrom = 8,
    ProperName = 16,
}
