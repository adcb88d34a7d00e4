using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>
/// A <c>conversations/*.transcript</c> file: a whole conversation, what a person sends and everything the bot says back.
/// <code>
/// # comment
/// @questionnaire umkm          which questionnaire (default: umkm)
/// @language en                 reply language (default: id)
/// @consented                   the person agreed to this notice before (no consent step)
/// > text                       the person types this
/// > [value]                    the person presses the button with this value
/// > {contact +6281234567890}   shares their own contact; also {location LAT,LON}, {photo ID}, {sticker}
/// >~ text                      the person edits their last message to say this (>~2 text: the message before it…)
/// &lt; line                       the bot's replies to the last input, line by line, exactly (golden):
/// &lt;   [label] value            … an option (button) of the message above
/// &lt; ---                        … the next message
/// &lt;! fragment                  the replies do not contain this (a reminder of what must never come back)
/// = field value                after submission, the stored answer of this field is exactly this
/// = field -                    … the field was not submitted
/// </code>
/// Between every two lines the session is saved and loaded again, as a restart would. With
/// <c>UPDATE_TRANSCRIPTS=1</c> the replay rewrites the <c>&lt;</c> lines of the file in the repository with what the bot
/// said (review the diff before committing it).
/// </summary>
internal sealed record Transcript(
    string Name, string Questionnaire, string Language, bool Consented, IReadOnlyList<TranscriptStep> Steps, IReadOnlyList<string> Lines)
{
    /// <summary>Separates two messages in a step's golden lines.</summary>
    public const string MessageBreak = "---";

    public static Transcript Parse(string name, string text)
    {
        var questionnaire = "umkm";
        var language = Languages.Indonesian;
        var consented = false;
        var steps = new List<TranscriptStep>();
        TranscriptStep? current = null;
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var line = lines[index].TrimEnd();
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
            else if (line.StartsWith(">~", StringComparison.Ordinal))
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                var back = space < 0 ? line[2..] : line[2..space];
                current = new TranscriptStep(lineNumber, ParseInput(space < 0 ? "" : line[(space + 1)..], name, lineNumber))
                {
                    EditsBack = back.Length == 0 ? 1 : int.Parse(back, CultureInfo.InvariantCulture),
                };
                steps.Add(current);
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
            else if (line.StartsWith("< ", StringComparison.Ordinal) || line == "<")
            {
                var step = Need(current, name, lineNumber);
                step.Golden.Add(line.Length > 2 ? line[2..] : "");
                step.GoldenLines.Add(index);
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

        return new Transcript(name, questionnaire, language, consented, steps, lines);
    }

    /// <summary>
    /// The file with every step's golden lines replaced by <paramref name="said"/> (one entry per step): where a step
    /// had golden lines the new ones take the place of the first, otherwise they follow its input line.
    /// </summary>
    public string Rewrite(IReadOnlyList<IReadOnlyList<string>> said)
    {
        var replaced = new Dictionary<int, IReadOnlyList<string>>();
        var dropped = new HashSet<int>();
        for (var i = 0; i < Steps.Count && i < said.Count; i++)
        {
            var step = Steps[i];
            var at = step.GoldenLines.Count > 0 ? step.GoldenLines[0] : step.Line - 1;
            replaced[at] = said[i];
            dropped.UnionWith(step.GoldenLines);
        }

        var output = new List<string>();
        for (var index = 0; index < Lines.Count; index++)
        {
            if (!dropped.Contains(index))
            {
                output.Add(Lines[index]);
            }

            if (replaced.TryGetValue(index, out var golden))
            {
                output.AddRange(golden.Select(l => l.Length == 0 ? "<" : "< " + l));
            }
        }

        return string.Join('\n', output) + "\n";
    }

    /// <summary>The bot's messages as a transcript writes them: text lines, options, a break between messages.</summary>
    public static IReadOnlyList<string> Render(IEnumerable<(string Text, IEnumerable<(string Label, string Value)> Options)> messages, bool submitted)
    {
        var lines = new List<string>();
        foreach (var (text, options) in messages)
        {
            if (lines.Count > 0)
            {
                lines.Add(MessageBreak);
            }

            lines.AddRange(text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd()));
            lines.AddRange(options.Select(o => $"  [{o.Label}] {o.Value}"));
        }

        if (submitted)
        {
            lines.Add("(submitted)");
        }

        return lines;
    }

    /// <summary>The texts of a step's golden messages, without their options.</summary>
    public static IEnumerable<string> MessageTexts(IReadOnlyList<string> golden)
    {
        var text = new List<string>();
        foreach (var line in golden.Append(MessageBreak))
        {
            if (line == MessageBreak)
            {
                if (text.Count > 0)
                {
                    yield return string.Join('\n', text);
                }

                text.Clear();
            }
            else if (!line.StartsWith("  [", StringComparison.Ordinal) && line != "(submitted)")
            {
                text.Add(line);
            }
        }
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
    /// <summary>For an edit (<c>&gt;~N</c>): which earlier message it changes, counted back over the messages sent
    /// (1 = the latest); null for a message sent.</summary>
    public int? EditsBack { get; init; }

    /// <summary>Everything the bot says to this input, exactly (see <see cref="Transcript.Render"/>).</summary>
    public List<string> Golden { get; } = [];

    /// <summary>Where the golden lines are in the file (0-based), for rewriting.</summary>
    public List<int> GoldenLines { get; } = [];

    public List<string> Absent { get; } = [];
    public List<(string Field, string? Value, int Line)> Stored { get; } = [];
}
