using System.Text.Json;
using System.Text.Json.Serialization;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>
/// Everything the engine needs to continue a conversation; persisted as JSON after every message,
/// so a restart (or a week away) resumes exactly where the person left.
/// </summary>
internal sealed class SessionState
{
    public required string QuestionnaireId { get; init; }
    public required int QuestionnaireVersion { get; init; }
    public SessionStage Stage { get; set; } = SessionStage.Consent;
    public string Language { get; set; } = "id";
    public string? CurrentQuestionId { get; set; }

    /// <summary>Canonical answers by question id (NIK digits, E.164 phone, rupiah per year, option values, region code…).</summary>
    public Dictionary<string, string> Answers { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Optional questions the person chose to skip.</summary>
    public HashSet<string> Skipped { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Questions in the order they were answered or skipped, for <c>/kembali</c>.</summary>
    public List<string> History { get; init; } = [];

    /// <summary>Where to return when the person decides not to cancel after all.</summary>
    public SessionStage? StageBeforeCancel { get; set; }

    /// <summary>
    /// The current question's own steps, kept by its type (the village stepper's level, the KBLI codes offered, the
    /// options toggled); stored as JSON like the rest, read back as its type's class on first use.
    /// </summary>
    public object? QuestionState { get; set; }

    /// <summary>An answer read but waiting for a yes/no because it looked unusual (e.g. "1,2 M").</summary>
    public PendingAnswer? Pending { get; set; }

    /// <summary>The most recent answer stored and the message that gave it, so an edit of that message can correct it;
    /// null when that answer came by a button (nothing to edit).</summary>
    public AnswerSource? LastAnswer { get; set; }

    /// <summary>Who answers for whom: set when an enumerator fills the questionnaire on an owner's behalf.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>The record being corrected (<c>/ubah</c>); its submission updates that record as a new version.</summary>
    public string? EditingRegistrationNumber { get; init; }

    /// <summary>
    /// The number the channel proves for the person answering (the WhatsApp sender, a Telegram contact they shared),
    /// offered as a one-tap answer to a phone question. Given with every message and never stored with the session:
    /// it is the person's, not the form's. Null when staff fill a form in for an owner.
    /// </summary>
    [JsonIgnore]
    public string? ProvenPhone { get; set; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOver => Stage is SessionStage.Submitted or SessionStage.Cancelled;

    /// <summary>The question state as <typeparamref name="T"/>, or null when the question has none yet.</summary>
    public T? QuestionStateAs<T>()
        where T : class
    {
        if (QuestionState is JsonElement stored)
        {
            QuestionState = stored.Deserialize<T>(SessionJson.Options);
        }

        return QuestionState as T;
    }

    /// <summary>The question state as <typeparamref name="T"/>, created when the question has none yet.</summary>
    public T QuestionStateOr<T>(Func<T> create)
        where T : class
    {
        if (QuestionStateAs<T>() is { } state)
        {
            return state;
        }

        var created = create();
        QuestionState = created;
        return created;
    }

    /// <summary>Forgets what belongs to the current question only: its steps and an answer waiting for a yes/no.</summary>
    public void ClearQuestionState()
    {
        QuestionState = null;
        Pending = null;
    }
}

/// <summary>How sessions are written as JSON (the stored form, and question states read back from it).</summary>
internal static class SessionJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}

internal static class SessionOwners
{
    /// <summary><see cref="SessionState.OnBehalfOf"/> when staff fill the questionnaire for a business owner.</summary>
    public const string Owner = "pemilik";
}

internal sealed record PendingAnswer(
    string QuestionId, string Value, string Display, IReadOnlyDictionary<string, string>? Settles = null, string? MessageId = null);

/// <summary>Which question a message answered; <see cref="MessageId"/> is opaque to the engine (a channel's reference).</summary>
internal sealed record AnswerSource(string QuestionId, string MessageId);
