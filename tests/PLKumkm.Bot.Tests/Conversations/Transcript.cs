using System.Globalization;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>
/// A <c>conversations/*.transcript</c> file: what a person sends and what the bot must say back.
/// <code>
/// # comment
/// @questionnaire umkm          which questionnaire (default: umkm)
/// @language en                 reply language (default: id)
/// @consented                   the person agreed to this notice before (no consent step)
/// > text                       the person types this
/// > [value]                    the person presses the button with this value
/// > {contact +6281234567890}   shares their own contact; also {location LAT,LON}, {photo ID}, {sticker}
/// &lt; fragment                   the bot's replies to the last line contain this
/// &lt;! fragment                  … and do not contain this
/// = field value                after submission, the stored answer of this field is exactly this
/// = field -                    … the field was not submitted
/// </code>
/// Between every two lines the session is saved and loaded again, as a restart would.
/// </summary>
internal sealed record Transcript(string Name, string Questionnaire, string Language, bool Consented, IReadOnlyList<TranscriptStep> Steps)
{
    public static Transcript Parse(string name, string text)
    {
        var questionnaire = "umkm";
        var language = Languages.Indonesian;
        var consented = false;
        var steps = new List<TranscriptStep>();
        TranscriptStep? current = null;
        var submitted = new List<(string, string?, int)>();
        var lineNumber = 0;
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("@questionnaire ", StringComparison.Ordinal))
            {
                questionnaire = line["@questionnaire ".Length..].Trim();
            }
            else if (line.StartsWith("@language ", StringComparison.Ordinal))
            {
                language = line["@language ".Length..].Trim();
            }
            else if (line == "@consented")
            {
                consented = true;
            }
            else if (line.StartsWith("> ", StringComparison.Ordinal) || line == ">")
            {
                current = new TranscriptStep(lineNumber, ParseInput(line.Length > 2 ? line[2..] : "", name, lineNumber));
                steps.Add(current);
            }
            else if (line.StartsWith("<! ", StringComparison.Ordinal))
            {
                Need(current, name, lineNumber).Absent.Add(line[3..].Trim());
            }
            else if (line.StartsWith("< ", StringComparison.Ordinal))
            {
                Need(current, name, lineNumber).Expected.Add(line[2..].Trim());
            }
            else if (line.StartsWith("= ", StringComparison.Ordinal))
            {
                var rest = line[2..].Trim();
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                var field = space < 0 ? rest : rest[..space];
                var value = space < 0 ? "" : rest[(space + 1)..].Trim();
                Need(current, name, lineNumber).Stored.Add((field, value == "-" ? null : value, lineNumber));
            }
            else
            {
                throw new FormatException($"{name}:{lineNumber}: cannot read '{line}'");
            }
        }

        return new Transcript(name, questionnaire, language, consented, steps);
    }

    private static TranscriptStep Need(TranscriptStep? step, string name, int line) =>
        step ?? throw new FormatException($"{name}:{line}: an expectation must follow a '>' line");

    private static InboundContent ParseInput(string text, string name, int line)
    {
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            return new ChoiceInput(text[1..^1]);
        }

        if (text.StartsWith('{') && text.EndsWith('}'))
        {
            var inner = text[1..^1].Trim();
            var space = inner.IndexOf(' ', StringComparison.Ordinal);
            var kind = space < 0 ? inner : inner[..space];
            var arg = space < 0 ? "" : inner[(space + 1)..].Trim();
            return kind switch
            {
                "contact" => new ContactInput(arg, IsSendersOwn: true),
                "location" => new LocationInput(
                    double.Parse(arg.Split(',')[0], CultureInfo.InvariantCulture),
                    double.Parse(arg.Split(',')[1], CultureInfo.InvariantCulture)),
                "photo" => new PhotoInput(arg),
                "sticker" or "voice" or "video" or "document" => new UnsupportedInput(kind),
                _ => throw new FormatException($"{name}:{line}: unknown input '{{{kind}}}'"),
            };
        }

        return new TextInput(text);
    }
}

internal sealed record TranscriptStep(int Line, InboundContent Input)
{
    public List<string> Expected { get; } = [];
    public List<string> Absent { get; } = [];
    public List<(string Field, string? Value, int Line)> Stored { get; } = [];
}
