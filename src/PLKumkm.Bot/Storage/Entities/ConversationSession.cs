namespace PLKumkm.Bot.Storage.Entities;

/// <summary>A persisted questionnaire session; <see cref="StateJson"/> is the engine's whole state.</summary>
internal sealed class ConversationSession
{
    public long Id { get; set; }
    public long PersonId { get; set; }
    public string QuestionnaireId { get; set; } = "";
    public int QuestionnaireVersion { get; set; }
    public string Stage { get; set; } = "";
    public string? CurrentQuestionId { get; set; }
    public string StateJson { get; set; } = "{}";
    public bool IsActive { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Reminders sent while the questionnaire waited (at most two).</summary>
    public int RemindersSent { get; set; }

    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>The record the session produced, once submitted.</summary>
    public string? RegistrationNumber { get; set; }
}
