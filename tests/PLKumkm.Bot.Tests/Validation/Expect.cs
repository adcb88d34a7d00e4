using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Tests.Validation;

/// <summary>Assertions every parser test shares: a value, or an error a person can act on in both languages.</summary>
internal static class Expect
{
    public static T Ok<T>(Parsed<T> parsed)
    {
        Assert.True(parsed.Ok, $"expected a value, got the error: {parsed.Error?.Id}");
        Assert.NotNull(parsed.Value);
        return parsed.Value!;
    }

    public static UserText Error<T>(Parsed<T> parsed, bool withExample = true)
    {
        Assert.False(parsed.Ok, $"expected an error, got the value: {parsed.Value}");
        var error = parsed.Error!;
        Assert.False(string.IsNullOrWhiteSpace(error.Id), "Indonesian error text is empty");
        Assert.False(string.IsNullOrWhiteSpace(error.En), "English error text is empty");
        Assert.NotEqual(error.Id, error.En);
        Assert.True(error.Id.Length <= 600, $"error is not short: {error.Id}");
        if (withExample)
        {
            Assert.Contains("contoh", error.Id, StringComparison.OrdinalIgnoreCase);
            Assert.True(
                error.En.Contains("example", StringComparison.OrdinalIgnoreCase) || error.En.Contains("e.g.", StringComparison.Ordinal),
                $"English error has no example: {error.En}");
        }

        // What people type is never echoed raw: it may hold markup the chat app would render.
        Assert.DoesNotContain("<", error.Id, StringComparison.Ordinal);
        Assert.DoesNotContain("<", error.En, StringComparison.Ordinal);
        return error;
    }
}

/// <summary>Inputs no parser should accept.</summary>
public static class Junk
{
    public static TheoryData<string> All => new()
    {
        "",
        "   ",
        "\t\r\n",
        "\u200B",
        "???",
        "-",
        "😀",
        "🙏🙏🙏",
        "null",
        "<script>alert(1)</script>",
        "<b>halo</b>",
        "'; DROP TABLE records; --",
        "1 OR 1=1",
        new string('1', 4000),
        new string('x', 4000),
        string.Concat(Enumerable.Repeat("1601 ", 800)),
    };
}
