using System.Globalization;
using PLKumkm.Bot.Core;

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
/// (<c>approve</c>/<c>reject</c> in English too). The number is the record's id, as on the buttons; a cooperative's
/// id follows <c>kop</c> (<c>/tinjau setuju kop 7</c>), because a UMKM and a cooperative may have the same id. An
/// ownership claim's id follows <c>klaim</c> (<c>/tinjau setuju klaim 3</c>), an erasure request's <c>hapus</c>
/// (<c>/tinjau setuju hapus 5</c> erases, <c>/tinjau tolak hapus 5 bukan data peminta</c> declines).
/// </summary>
internal sealed record ReviewCommand(ReviewVerb Verb, long RecordId, string? Reason, RecordKind Kind = RecordKind.Umkm)
{
    /// <summary>The id is a <see cref="Storage.Entities.RecordClaim"/>'s, not a record's.</summary>
    public bool IsClaim { get; init; }

    /// <summary>The id is an <see cref="Storage.Entities.ErasureRequest"/>'s.</summary>
    public bool IsErasure { get; init; }

    public const int MaxReasonLength = 200;

    /// <summary>The preset reason that marks the record a duplicate (not counted) rather than rejected.</summary>
    public const string DuplicateReason = "duplikat";

    public static readonly string[] PresetReasons = [DuplicateReason, "data tidak wajar", "bukan UMKM", "di luar wilayah"];

    /// <summary>The preset reasons for a cooperative ("bukan UMKM" does not apply).</summary>
    public static readonly string[] KoperasiPresetReasons = [DuplicateReason, "data tidak wajar", "bukan koperasi", "di luar wilayah"];

    private const string KoperasiMarker = "kop";
    private const string ClaimMarker = "klaim";
    private const string ErasureMarker = "hapus";

    public bool IsDuplicate => Reason is { } r && (r.Equals(DuplicateReason, StringComparison.OrdinalIgnoreCase)
        || r.Equals("duplicate", StringComparison.OrdinalIgnoreCase) || r.Equals("ganda", StringComparison.OrdinalIgnoreCase));

    public static ReviewCommand Parse(string arguments)
    {
        var parts = arguments.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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
        if (verb == ReviewVerb.Invalid || parts.Length < 2)
        {
            return new ReviewCommand(ReviewVerb.Invalid, 0, null);
        }

        var rest = parts[1].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var kind = RecordKind.Umkm;
        var marker = rest[0].ToLowerInvariant();
        var isClaim = marker is ClaimMarker or "claim";
        var isErasure = marker is ErasureMarker or "erase" or "erasure";
        if (isClaim || isErasure || marker is KoperasiMarker or "koperasi" or "cooperative")
        {
            kind = isClaim || isErasure ? RecordKind.Umkm : RecordKind.Koperasi;
            rest = rest.Length > 1
                ? rest[1].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
        }

        if (rest.Length == 0 || !long.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return new ReviewCommand(ReviewVerb.Invalid, 0, null);
        }

        var reason = parts[0].StartsWith("dup", StringComparison.OrdinalIgnoreCase) && !isErasure
            ? DuplicateReason
            : rest.Length > 1 ? rest[1] : null;
        if (reason is { Length: > MaxReasonLength })
        {
            reason = reason[..MaxReasonLength];
        }

        return new ReviewCommand(verb, id, verb == ReviewVerb.Approve ? null : reason, kind) { IsClaim = isClaim, IsErasure = isErasure };
    }

    public static string EraseValue(long requestId) => $"/tinjau setuju {ErasureMarker} {requestId.ToString(CultureInfo.InvariantCulture)}";

    public static string DeclineErasureValue(long requestId, string? reason = null) =>
        $"/tinjau tolak {ErasureMarker} {requestId.ToString(CultureInfo.InvariantCulture)}" + (reason is null ? "" : " " + reason);

    public static string ApproveClaimValue(long claimId) => $"/tinjau setuju {ClaimMarker} {claimId.ToString(CultureInfo.InvariantCulture)}";

    public static string RejectClaimValue(long claimId) => $"/tinjau tolak {ClaimMarker} {claimId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>What follows the verb: the id, after <c>kop</c> for a cooperative.</summary>
    public static string Target(RecordKind kind, long id) =>
        kind == RecordKind.Koperasi
            ? KoperasiMarker + " " + id.ToString(CultureInfo.InvariantCulture)
            : id.ToString(CultureInfo.InvariantCulture);

    public static string ApproveValue(long id, RecordKind kind = RecordKind.Umkm) => $"/tinjau setuju {Target(kind, id)}";

    public static string RejectValue(long id, string? reason = null, RecordKind kind = RecordKind.Umkm) =>
        $"/tinjau tolak {Target(kind, id)}" + (reason is null ? "" : " " + reason);
}
