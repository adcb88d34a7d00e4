using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>Loads and saves engine sessions as rows; the engine itself never touches storage.</summary>
internal static class SessionStore
{
    private static readonly JsonSerializerOptions Json = SessionJson.Options;

    // Compiled once (per model): it runs for nearly every message.
    private static readonly CompiledQuery<Func<BotDbContext, long, CancellationToken, Task<ConversationSession?>>> ActiveSession = new(() =>
        EF.CompileAsyncQuery((BotDbContext db, long personId, CancellationToken ct) =>
            db.Sessions.Where(s => s.PersonId == personId && s.IsActive).OrderByDescending(s => s.Id).FirstOrDefault()));

    public static Task<ConversationSession?> FindActiveAsync(BotDbContext db, long personId, CancellationToken ct) =>
        ActiveSession.For(db)(db, personId, ct);

    public static SessionState Read(ConversationSession row) =>
        JsonSerializer.Deserialize<SessionState>(row.StateJson, Json)
        ?? throw new JsonException($"session {row.Id} has no state");

    public static SessionState Read(string stateJson) =>
        JsonSerializer.Deserialize<SessionState>(stateJson, Json) ?? throw new JsonException("a stored session has no state");

    /// <summary>What a step of the questionnaire changes in its row (<see cref="Write"/>, and the record it produced):
    /// written by one reused statement when nothing else changed (<see cref="BotDbContext.TryUpdateHotAsync{T}"/>).</summary>
    public static readonly IReadOnlyList<string> StepColumns =
    [
        nameof(ConversationSession.StateJson), nameof(ConversationSession.Stage), nameof(ConversationSession.CurrentQuestionId),
        nameof(ConversationSession.UpdatedAt), nameof(ConversationSession.IsActive), nameof(ConversationSession.EndedAt),
        nameof(ConversationSession.RegistrationNumber),
    ];

    public static void Write(ConversationSession row, SessionState state)
    {
        row.StateJson = JsonSerializer.Serialize(state, Json);
        row.Stage = state.Stage.ToString();
        row.CurrentQuestionId = state.CurrentQuestionId;
        row.UpdatedAt = state.UpdatedAt;
        row.IsActive = !state.IsOver;
        if (state.IsOver)
        {
            row.EndedAt ??= state.UpdatedAt;
        }
    }

    public static ConversationSession New(long personId, SessionState state)
    {
        var row = new ConversationSession
        {
            PersonId = personId,
            QuestionnaireId = state.QuestionnaireId,
            QuestionnaireVersion = state.QuestionnaireVersion,
            StartedAt = state.StartedAt,
        };
        Write(row, state);
        return row;
    }

    /// <summary>Round-trips a state through its stored form (what a restart does), for tests.</summary>
    public static SessionState Reload(SessionState state) =>
        JsonSerializer.Deserialize<SessionState>(JsonSerializer.Serialize(state, Json), Json)!;
}
