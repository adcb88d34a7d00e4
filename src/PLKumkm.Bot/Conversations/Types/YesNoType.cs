using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>Ya or tidak, with the everyday forms (chat spellings included) every yes/no question shares.</summary>
internal sealed class YesNoType : ChoiceType
{
    private static readonly IReadOnlyList<ChoiceOption> YesNo =
    [
        // "masih" is "still" (a member, running): yes.
        new ChoiceOption("ya", new UserText("Ya", "Yes"),
            ["y", "iya", "iyah", "iye", "yoi", "yup", "yes", "yeah", "yep", "ok", "oke", "okay", "betul", "benar", "bener", "sudah", "sdh",
             "udah", "udh", "dah", "sudah ada", "sudah punya", "punya", "ada", "masih", "masih aktif", "tentu", "pasti", "boleh", "sure"]),
        new ChoiceOption("tidak", new UserText("Tidak", "No"),
            ["t", "tdk", "tak", "no", "nope", "nggak", "ngga", "gak", "enggak", "engga", "ga", "gk", "ndak", "nda", "bukan", "belum", "blm",
             "blum", "blom", "belom", "not yet", "masih belum", "tidak ada", "tidak punya", "gak ada", "ga ada", "nggak ada", "ngga ada", "nggak punya", "gak punya"]),
    ];

    public override string Name => QuestionType.YesNo;

    public override QuestionKeys Keys => QuestionKeys.None;

    public override IReadOnlyList<ChoiceOption> Options(QuestionSpec spec)
    {
        if (spec.Dto.Options is { Count: > 0 })
        {
            spec.Fail("a yesno question has its own options (ya/tidak); remove 'options'");
        }

        return YesNo;
    }
}
