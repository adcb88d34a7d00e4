using System.Globalization;
using System.Text.RegularExpressions;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>
/// A region question walks province → regency → district → village, each step by typed name with
/// fuzzy matching and a short numbered list when several match; a full code jumps straight there.
/// </summary>
internal sealed partial class RegionStepper(RegionCatalog regions, RegionAliases aliases)
{
    private const int MaxCandidates = 8;

    public AnswerReading Read(Question question, InboundContent input, SessionState session)
    {
        var pick = session.QuestionStateOr(() => new RegionPick());
        var lang = session.Language;
        switch (input)
        {
            case ChoiceInput choice:
                var code = choice.Value;
                var chosen = regions.Find(code);
                return chosen is not null && pick.Candidates.Contains(code)
                    ? Select(question, chosen, session)
                    : new AnswerReading.Rejected(EngineTexts.StaleButton);
            case TextInput text:
                var typed = TextNormalizer.Clean(text.Text);
                if (typed.Length == 0)
                {
                    return new AnswerReading.Rejected(EngineTexts.Empty);
                }

                if (int.TryParse(typed, out var number) && number >= 1 && number <= pick.Candidates.Count)
                {
                    return Select(question, regions.Find(pick.Candidates[number - 1])!, session);
                }

                if (CodeShape().IsMatch(typed))
                {
                    var byCode = regions.Find(typed);
                    if (byCode is not null && byCode.Level != RegionLevel.Country
                        && (pick.ParentCode is null || byCode.Code.StartsWith(pick.ParentCode + ".", StringComparison.Ordinal)))
                    {
                        return Select(question, byCode, session);
                    }
                }

                // Short forms people use (Sumsel, OKU, Jaksel…) first, then names with typos forgiven.
                var aliased = aliases.Lookup(typed)
                    .Where(r => r.Level == pick.Level && (pick.ParentCode is null || r.ParentCode == pick.ParentCode))
                    .ToList();
                var found = aliased.Count > 0 ? aliased : regions.Search(typed, pick.Level, pick.ParentCode, MaxCandidates);

                // At the first step people name their village, district or town as often as the province.
                var anyLevel = found.Count == 0 && pick.ParentCode is null;
                if (anyLevel)
                {
                    found = regions.SearchBelowProvinces(typed, MaxCandidates);
                }

                if (found.Count == 1)
                {
                    return Select(question, found[0], session);
                }

                if (found.Count == 0)
                {
                    return new AnswerReading.Rejected(NotFound(typed, pick, lang));
                }

                pick.Candidates = found.Select(r => r.Code).ToList();
                return new AnswerReading.Partial(Candidates(question, found, lang, withPath: anyLevel));
            default:
                return new AnswerReading.Rejected(EngineTexts.Unsupported.Format(lang == Languages.English ? "that" : "pesan itu"));
        }
    }

    /// <summary>
    /// The question for the step the person is at. At the first step an answer already stored
    /// (<paramref name="current"/>, after /kembali or /ubah) is shown and kept with one tap.
    /// </summary>
    public OutboundMessage StepPrompt(SessionState session, string? current = null)
    {
        var pick = session.QuestionStateOr(() => new RegionPick());
        var lang = session.Language;
        if (pick.ParentCode is null)
        {
            var ask = new OutboundMessage(EngineTexts.RegionAskProvince.In(lang));
            if (current is null || regions.Find(current) is not { Level: RegionLevel.Village } kept)
            {
                return ask;
            }

            pick.Candidates = [kept.Code];
            return ask with
            {
                Text = $"{EngineTexts.CurrentAnswer.In(lang)}: {Path(kept.Code, regions)}\n{EngineTexts.RegionKeep.In(lang)}\n{ask.Text}",
                Options = [new ReplyOption(EngineTexts.RegionKeepButton.Format(kept.FullName).In(lang), kept.Code)],
            };
        }

        var parent = regions.Find(pick.ParentCode)!;
        var template = pick.Level switch
        {
            RegionLevel.Regency => EngineTexts.RegionAskRegency,
            RegionLevel.District => EngineTexts.RegionAskDistrict,
            _ => EngineTexts.RegionAskVillage,
        };
        return new OutboundMessage(template.Format(parent.FullName).In(lang));
    }

    /// <summary>One step up (for <c>/kembali</c>); false when already at the first step.</summary>
    public bool StepUp(SessionState session)
    {
        var pick = session.QuestionStateAs<RegionPick>();
        if (pick?.ParentCode is null)
        {
            return false;
        }

        var parent = regions.Find(pick.ParentCode);
        pick.Level = parent!.Level;
        // Provinces hang under the country (code ""), which is not a step of its own.
        pick.ParentCode = string.IsNullOrEmpty(parent.ParentCode) ? null : parent.ParentCode;
        pick.Candidates = [];
        return true;
    }

    private AnswerReading Select(Question question, Region region, SessionState session)
    {
        var pick = session.QuestionStateOr(() => new RegionPick());
        if (region.Level == RegionLevel.Village)
        {
            session.QuestionState = null;
            return new AnswerReading.Accepted(region.Code, UserText.Same(Path(region.Code, regions)));
        }

        pick.Level = region.Level + 1;
        pick.ParentCode = region.Code;
        pick.Candidates = [];
        var step = StepPrompt(session);
        return new AnswerReading.Partial(step with
        {
            Text = EngineTexts.RegionChosen.Format(region.FullName).In(session.Language) + "\n" + step.Text,
        });
    }

    private OutboundMessage Candidates(Question question, IReadOnlyList<Region> found, string language, bool withPath = false)
    {
        // Found across Indonesia, a name alone is not enough to choose: show where each one is.
        string Name(Region r) => withPath ? Path(r.Code, regions) : r.FullName;
        var lines = found.Select((r, i) => $"{i + 1}. {Name(r)}");
        return new OutboundMessage(EngineTexts.RegionPickOne.In(language) + "\n" + string.Join("\n", lines))
        {
            Options = found.Select(r => new ReplyOption(Name(r), r.Code)).ToList(),
        };
    }

    private UserText NotFound(string typed, RegionPick pick, string language)
    {
        var shown = typed.Length > 40 ? typed[..40] + "…" : typed;
        var where = pick.ParentCode is null ? "" : EngineTexts.RegionIn.Format(regions.Find(pick.ParentCode)!.FullName).In(language);
        var message = new UserText(
            string.Format(CultureInfo.InvariantCulture, EngineTexts.RegionNotFound.Id, shown, where),
            string.Format(CultureInfo.InvariantCulture, EngineTexts.RegionNotFound.En, shown, where));
        var examples = regions.ChildrenOf(pick.ParentCode).Take(3).Select(r => r.Name).ToList();
        return examples.Count == 0 ? message : message.Append(EngineTexts.RegionExamples.Format(string.Join(", ", examples)));
    }

    /// <summary>e.g. <c>Desa Sukaraya, Kec. Baturaja Timur, Kab. Ogan Komering Ulu, Sumatera Selatan</c>.</summary>
    public static string Path(string code, RegionCatalog regions)
    {
        var parts = new List<string>();
        for (var region = regions.Find(code); region is not null; region = region.ParentCode is null ? null : regions.Find(region.ParentCode))
        {
            if (region.Level == RegionLevel.Country)
            {
                break;
            }

            parts.Add(region.Level switch
            {
                RegionLevel.District => $"Kec. {region.Name}",
                RegionLevel.Regency when region.Kind == "Kabupaten" => $"Kab. {region.Name}",
                RegionLevel.Province => region.Name,
                _ => region.FullName,
            });
        }

        return parts.Count == 0 ? code : string.Join(", ", parts);
    }

    [GeneratedRegex(@"^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$")]
    private static partial Regex CodeShape();
}

/// <summary>Where a region question is: the level asked, the region above it, the candidates listed.</summary>
internal sealed class RegionPick
{
    public RegionLevel Level { get; set; } = RegionLevel.Province;
    public string? ParentCode { get; set; }
    public List<string> Candidates { get; set; } = [];
}
