using System.Globalization;

namespace PLKumkm.Bot.Core;

/// <summary>A sentence users read, in Indonesian (default) and English (<c>/bahasa en</c>).</summary>
internal sealed record UserText(string Id, string En)
{
    public string In(string language) => language == Languages.English ? En : Id;

    public static UserText Same(string text) => new(text, text);

    /// <summary>Both sentences with <c>{0}</c> filled in.</summary>
    public UserText Format(object arg) =>
        new(string.Format(CultureInfo.InvariantCulture, Id, arg), string.Format(CultureInfo.InvariantCulture, En, arg));

    public UserText Append(UserText other, string separator = " ") =>
        new(Id + separator + other.Id, En + separator + other.En);
}

internal static class Languages
{
    public const string Indonesian = "id";
    public const string English = "en";

    public static string Normalize(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Indonesian;
}
