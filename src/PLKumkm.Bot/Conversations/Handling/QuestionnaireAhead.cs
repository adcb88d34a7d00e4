using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>
/// The questionnaire's next steps for a batch, worked out beside the writer: once the batch's senders are read
/// (<see cref="SenderRows"/>), one worker on the thread pool runs the engine for each sender with an open session (the
/// state read from its JSON, the step, its replies) while the writer goes through the batch in order, so the second
/// core does that part. The engine is pure, so a step worked out ahead is the step the writer would work out, as long
/// as its inputs are the same: the writer takes it only for the same session row with the same stored state, language,
/// proven phone and input, and otherwise (the chat twice in the batch, a language or phone changed by an earlier update,
/// the input routed elsewhere, the worker not there yet) runs the engine itself.
/// </summary>
internal sealed class QuestionnaireAhead(ConversationEngine engine)
{
    private long _taken;

    /// <summary>For tests: every step is worked out before <see cref="Start"/> returns, so which are taken does not
    /// depend on timing.</summary>
    internal bool WorkOutFirst { get; init; }

    /// <summary>Steps the writer took from the worker (since start-up).</summary>
    internal long Taken => Interlocked.Read(ref _taken);

    /// <summary>Starts working out the steps of <paramref name="messages"/> whose sender has an open session read
    /// ahead; call before the batch's first update is handled (the rows are then as read). Null when fewer than two
    /// would be: the writer would only wait for the worker.</summary>
    public Steps? Start(IReadOnlyList<InboundMessage> messages, SenderRows senders)
    {
        var steps = new Dictionary<InboundMessage, Step>(ReferenceEqualityComparer.Instance);
        foreach (var message in messages)
        {
            if (!message.IsGroup && message.EditsMessageId is null && message.Content is not ChatMovedInput
                && senders.TryPeekOpenSession(message.Address, out var person, out var session))
            {
                steps.TryAdd(message, new Step(session.Id, session.StateJson, person.Language, person.Phone, message.HandlerContent,
                    message.Reference(message.MessageId)));
            }
        }

        if (steps.Count < 2)
        {
            return null;
        }

        var batch = new Steps(this, steps, [.. steps.Values]);
        if (WorkOutFirst)
        {
            batch.WorkOut(engine);
        }
        else
        {
            _ = Task.Run(() => batch.WorkOut(engine));
        }

        return batch;
    }

    /// <param name="steps">The writer's, by update.</param>
    /// <param name="order">The worker's: the batch's order, fixed before it starts.</param>
    internal sealed class Steps(QuestionnaireAhead owner, Dictionary<InboundMessage, Step> steps, IReadOnlyList<Step> order)
    {
        /// <summary>The step worked out ahead for <paramref name="message"/> when it was worked out from exactly these
        /// inputs; null when the writer runs the engine itself.</summary>
        public async ValueTask<EngineResult?> TakeAsync(InboundMessage message, ConversationSession row, string language, string? phone,
            InboundContent content)
        {
            if (!steps.Remove(message, out var step)
                || step.SessionId != row.Id
                || !string.Equals(step.StateJson, row.StateJson, StringComparison.Ordinal)
                || !string.Equals(step.Language, language, StringComparison.Ordinal)
                || !string.Equals(step.Phone, phone, StringComparison.Ordinal)
                || !Equals(step.Content, content))
            {
                return null;
            }

            var result = await step.TakeAsync();
            if (result is not null)
            {
                Interlocked.Increment(ref owner._taken);
            }

            return result;
        }

        /// <summary>The batch is done: what the worker has not started is not worth starting.</summary>
        public void Abandon()
        {
            foreach (var step in order)
            {
                step.Claim();
            }
        }

        internal void WorkOut(ConversationEngine engine)
        {
            foreach (var step in order)
            {
                step.WorkOut(engine);
            }
        }
    }

    internal sealed class Step(long sessionId, string stateJson, string language, string? phone, InboundContent content, string? messageId)
    {
        private const int NotStarted = 0, Started = 1, Claimed = 2;
        private readonly TaskCompletionSource<EngineResult?> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public long SessionId { get; } = sessionId;
        public string StateJson { get; } = stateJson;
        public string Language { get; } = language;
        public string? Phone { get; } = phone;
        public InboundContent Content { get; } = content;

        public void WorkOut(ConversationEngine engine)
        {
            if (Interlocked.CompareExchange(ref _state, Started, NotStarted) != NotStarted)
            {
                return;
            }

            try
            {
                _result.SetResult(engine.Handle(QuestionnaireRunner.Read(StateJson, Language, Phone), Content, messageId));
            }
            catch (Exception)
            {
                // The writer runs it again itself, inside the update's savepoint, where a failure is handled.
                _result.SetResult(null);
            }
        }

        /// <summary>The worker's result, waited for when it is under way; null when it had not started (then never).</summary>
        public Task<EngineResult?> TakeAsync() =>
            Interlocked.CompareExchange(ref _state, Claimed, NotStarted) == NotStarted ? Task.FromResult<EngineResult?>(null) : _result.Task;

        public void Claim() => Interlocked.CompareExchange(ref _state, Claimed, NotStarted);
    }
}
