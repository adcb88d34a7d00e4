using System.Globalization;

namespace PLKumkm.Bot.Staff.Review;

internal enum ReviewVerb
{
    /// <summary>Show the next flagged record.</summary>
    Next,
    Approve,

    /// <summary>Reject, with a reason (or ask for one when missing).</summary>
    Reject,
    Invalid,
}

/// <summary>
/// <c>/tinjau</c>, <c>/tinjau setuju 123</c>, <c>/tinjau tolak 123</c>, <c>/tinjau tolak 123 bukan UMKM</c>
/// (<c>approve</c>/<c>reject</c> in English too). The number is the record's id, as on the buttons.
/// </summary>
internal sealed record ReviewCommand(ReviewVerb Verb, long RecordId, string? Reason)
{
    public const int MaxReasonLength = 200;

    /// <summary>The preset reason that marks the record a duplicate (not counted) rather than rejected.</summary>
    public const string DuplicateReason = "duplikat";

    public static readonly string[] PresetReasons = [DuplicateReason, "data tidak wajar", "bukan UMKM", "di luar wilayah"];

    public bool IsDuplicate => Reason is { } r && (r.Equals(DuplicateReason, StringComparison.OrdinalIgnoreCase)
        || r.Equals("duplicate", StringComparison.OrdinalIgnoreCase) || r.Equals("ganda", StringComparison.OrdinalIgnoreCase));

    public static ReviewCommand Parse(string arguments)
    {
        var parts = arguments.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            return new ReviewCommand(ReviewVerb.Next, 0, null);
        }

        var verb = parts[0].ToLowerInvariant() switch
        {
            "setuju" or "setujui" or "approve" or "ok" => ReviewVerb.Approve,
            "tolak" or "reject" => ReviewVerb.Reject,
            "duplikat" or "duplicate" => ReviewVerb.Reject,
            _ => ReviewVerb.Invalid,
        };
        if (verb == ReviewVerb.Invalid || parts.Length < 2
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new ReviewCommand(ReviewVerb.Invalid, 0, null);
        }

        var reason = parts[0].StartsWith("dup", StringComparison.OrdinalIgnoreCase)
            ? DuplicateReason
            : parts.Length > 2 ? parts[2] : null;
        if (reason is { Length: > MaxReasonLength })
        {
            reason = reason[..MaxReasonLength];
        }

        return new ReviewCommand(verb, id, verb == ReviewVerb.Approve ? null : reason);
    }

    public static string ApproveValue(long id) => string.Create(CultureInfo.InvariantCulture, $"/tinjau setuju {id}");

    public static string RejectValue(long id, string? reason = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/tinjau tolak {id}") + (reason is null ? "" : " " + reason);
}
