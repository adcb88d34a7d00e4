using System.CommandLine;
using PLKumkm.Bot.Importing;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>--encoding</c> of the verbs that read a CSV file.</summary>
internal static class EncodingOption
{
    public static Option<string?> Create() =>
        new("--encoding") { Description = $"The file's character encoding: {CsvEncoding.Choices} (default utf-8; a file that is not valid in it is refused)" };

    /// <exception cref="ImportException">An encoding that is not one of the choices.</exception>
    public static CsvEncoding Read(ParseResult result, Option<string?> option) => CsvEncoding.Parse(result.GetValue(option));
}
