using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace PLKumkm.Bot.Tests.Conversations;

/// <summary>A line diff of expected and actual output, for failure messages of golden tests.</summary>
internal static class GoldenDiff
{
    public static string Describe(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var diff = InlineDiffBuilder.Diff(string.Join('\n', expected), string.Join('\n', actual), ignoreWhiteSpace: false);
        var sb = new StringBuilder();
        foreach (var line in diff.Lines)
        {
            sb.Append(line.Type switch
            {
                ChangeType.Deleted => "- ",
                ChangeType.Inserted => "+ ",
                _ => "  ",
            }).AppendLine(line.Text);
        }

        return sb.ToString();
    }
}
