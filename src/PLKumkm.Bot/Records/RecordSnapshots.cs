using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>A record's values by field id (canonical strings), for version history and owner commands.</summary>
internal static class RecordSnapshots
{
    /// <summary>Not a field id: the review state, kept in the history next to the fields.</summary>
    public const string StatusKey = "status";

    /// <summary>
    /// The values that identify a person and go when consent is withdrawn. What is left (region codes,
    /// sector, sizes, counts) is no longer about anyone and stays for the statistics the census exists for.
    /// A cooperative is a legal entity: its own name and numbers are not personal data, its officer's are.
    /// </summary>
    private static readonly IReadOnlySet<string> PersonalUmkm = new HashSet<string>(StringComparer.Ordinal)
    {
        "nik", "nama_pemilik", "hp", "nama_usaha", "nib", "alamat", "lat", "lon", "foto",
    };

    private static readonly IReadOnlySet<string> PersonalKoperasi = new HashSet<string>(StringComparer.Ordinal)
    {
        "nama_pengurus", "hp", "alamat", "lat", "lon",
    };

    public static IReadOnlyList<string> Fields(RecordKind kind) => kind == RecordKind.Koperasi ? FieldIds.Koperasi : FieldIds.Umkm;

    public static IReadOnlySet<string> Personal(RecordKind kind) => kind == RecordKind.Koperasi ? PersonalKoperasi : PersonalUmkm;

    public static string? Get(IRegisteredRecord record, string fieldId) => record switch
    {
        UmkmRecord u => UmkmFields.Get(u, fieldId),
        KoperasiRecord k => KoperasiFields.Get(k, fieldId),
        _ => throw new ArgumentException($"unknown record type {record.GetType().Name}", nameof(record)),
    };

    public static Dictionary<string, string?> Take(IRegisteredRecord record)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in Fields(record.Kind))
        {
            values[field] = Get(record, field);
        }

        values[StatusKey] = record.Status.ToString();
        return values;
    }

    /// <summary>The record's answers for a questionnaire of its kind: stored fields, plus a location question's pair.</summary>
    public static Dictionary<string, string> Answers(IRegisteredRecord record, Questionnaire questionnaire)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions.Where(q => q.Store))
        {
            if (Get(record, question.Id) is { Length: > 0 } value)
            {
                answers[question.Id] = value;
            }
        }

        return answers;
    }
}
