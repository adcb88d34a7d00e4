using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// The NIK says the owner's sex (women's birth day + 40): a <c>jenis_kelamin</c> answer that disagrees is
/// asked back once, not refused (the person may have chosen the wrong button, or the NIK belongs to someone
/// else). Chat only: quick entry and import take what they are given, as with unusual amounts.
/// </summary>
internal static class SexCheck
{
    private const string SexQuestion = "jenis_kelamin";
    private const string NikQuestion = "nik";

    /// <summary>What to ask back about, or null when the answer agrees with the NIK (or there is no NIK yet).</summary>
    public static string? Disagreement(Question question, string value, SessionState session)
    {
        if (question.Id != SexQuestion || session.Answers.GetValueOrDefault(NikQuestion) is not { Length: 16 } nik
            || !int.TryParse(nik.AsSpan(6, 2), out var day) || value is not ("L" or "P"))
        {
            return null;
        }

        var nikSaysFemale = day > 40;
        if (nikSaysFemale == (value == "P"))
        {
            return null;
        }

        var chosen = question.FindOption(value)?.Label.In(session.Language) ?? value;
        var text = nikSaysFemale
            ? new UserText($"{chosen}, walaupun NIK menandai perempuan (tanggal lahir ditambah 40)", $"{chosen}, although the NIK marks a woman (birth day plus 40)")
            : new UserText($"{chosen}, walaupun NIK menandai laki-laki (tanggal lahir tanpa tambahan 40)", $"{chosen}, although the NIK marks a man (birth day without the 40 added)");
        return text.In(session.Language);
    }
}
