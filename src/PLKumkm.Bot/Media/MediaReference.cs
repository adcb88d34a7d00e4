using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PLKumkm.Bot.Media;

/// <summary>
/// How a stored photo is named everywhere (answers, records, exports): <c>sha256:&lt;64 hex&gt;.&lt;ext&gt;</c>, the hash of
/// its bytes and the extension of its type, so the reference alone says what the file is and where it lies.
/// </summary>
internal sealed partial record MediaReference(string Sha256, string Extension)
{
    public const string Scheme = "sha256:";

    private static readonly Dictionary<string, string> TypesByExtension = new(StringComparer.Ordinal)
    {
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["webp"] = "image/webp",
    };

    public string MimeType => TypesByExtension[Extension];

    /// <summary>Where the file lies under the store: a folder per first two hex digits keeps folders small.</summary>
    public string RelativePath => Path.Combine(Sha256[..2], $"{Sha256}.{Extension}");

    public override string ToString() => $"{Scheme}{Sha256}.{Extension}";

    public static bool TryParse([NotNullWhen(true)] string? value, [NotNullWhen(true)] out MediaReference? reference)
    {
        reference = null;
        if (value is null || Pattern().Match(value) is not { Success: true } match)
        {
            return false;
        }

        reference = new MediaReference(match.Groups["hash"].Value, match.Groups["ext"].Value);
        return true;
    }

    /// <summary>The type of a stored photo's reference; null for anything else (an imported or older value).</summary>
    public static string? MimeTypeOf(string? value) => TryParse(value, out var reference) ? reference.MimeType : null;

    [GeneratedRegex("^sha256:(?<hash>[0-9a-f]{64})\\.(?<ext>jpg|png|webp)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
