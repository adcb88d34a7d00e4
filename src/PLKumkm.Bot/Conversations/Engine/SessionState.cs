using PLKumkm.Bot.Regions;

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

    /// <summary>Step of a region question (province → regency → district → village).</summary>
    public RegionPick? RegionPick { get; set; }

    /// <summary>An answer read but waiting for a yes/no because it looked unusual (e.g. "1,2 M").</summary>
    public PendingAnswer? Pending { get; set; }

    /// <summary>
    /// KBLI codes offered as choices at the sector question (from the activity answer or typed words);
    /// empty once the person asked for the sections instead; null when nothing was offered yet.
    /// </summary>
    public List<string>? KbliChoices { get; set; }

    /// <summary>Options toggled so far on a multiple-choice question.</summary>
    public List<string>? MultiSelection { get; set; }

    /// <summary>Who answers for whom: set when an enumerator fills the questionnaire on an owner's behalf.</summary>
    public string? OnBehalfOf { get; set; }

    /// <summary>The record being corrected (<c>/ubah</c>); its submission updates that record as a new version.</summary>
    public string? EditingRegistrationNumber { get; init; }

    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOver => Stage is SessionStage.Submitted or SessionStage.Cancelled;
}

internal static class SessionOwners
{
    /// <summary><see cref="SessionState.OnBehalfOf"/> when staff fill the questionnaire for a business owner.</summary>
    public const string Owner = "pemilik";
}

internal sealed class RegionPick
{
    public RegionLevel Level { get; set; } = RegionLevel.Province;
    public string? ParentCode { get; set; }
    public List<string> Candidates { get; set; } = [];
}

internal sealed record PendingAnswer(string QuestionId, string Value, string Display);
