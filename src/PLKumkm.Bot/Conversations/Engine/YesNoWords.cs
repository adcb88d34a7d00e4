using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>The engine's own yes/no questions (consent, cancel, "did you mean …?") answered by button or typed word.</summary>
internal static class YesNoWords
{
    /// <summary>Yes/no from a button (<c>key=ya</c>) or typed words; null when it is neither.</summary>
    public static bool? Read(InboundContent input, string buttonKey)
    {
        var word = input switch
        {
            ChoiceInput c when c.Value.StartsWith(buttonKey + "=", StringComparison.Ordinal) => c.Value[(buttonKey.Length + 1)..],
            TextInput t => TextNormalizer.Fold(t.Text),
            _ => null,
        };
        return word switch
        {
            "ya" or "y" or "iya" or "yes" or "setuju" or "saya setuju" or "ok" or "oke" or "boleh" or "agree" or "i agree" or "benar" => true,
            "tidak" or "t" or "tdk" or "no" or "tidak setuju" or "nggak" or "gak" or "enggak" or "ga" or "i do not agree" => false,
            // The buttons' own labels typed: "Ya, batalkan", "Tidak, lanjutkan", "Yes, cancel", "No, continue".
            _ when word is not null && (word.StartsWith("ya ", StringComparison.Ordinal) || word.StartsWith("yes ", StringComparison.Ordinal)) => true,
            _ when word is not null && (word.StartsWith("tidak ", StringComparison.Ordinal) || word.StartsWith("no ", StringComparison.Ordinal)) => false,
            _ => null,
        };
    }
}
