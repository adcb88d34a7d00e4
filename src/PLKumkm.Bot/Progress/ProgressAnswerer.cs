using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Progress;

internal enum ProgressOutcome
{
    Answered,
    Ambiguous,
    UnknownRegion,
    MissingRegion,
    BadDate,
}

internal sealed record ProgressAnswer(OutboundMessage Message, ProgressOutcome Outcome, Region? Region = null)
{
    /// <summary>True when the words after the keyword named a region (found or ambiguous): the text was meant as a progress question.</summary>
    public bool NamedRegion => Outcome is ProgressOutcome.Answered or ProgressOutcome.Ambiguous;
}

/// <summary>
/// Turns a <see cref="ProgressRequest"/> into the reply, whoever asks: the chat handler and the
/// <c>progress</c> verb both call this, so both print the very same answer.
/// </summary>
internal sealed class ProgressAnswerer(RegionResolver resolver, RegionCatalog catalog, ProgressService progress)
{
    private static readonly UserText Examples = new(
        "Contoh: progress OKU, progress 16.01, progress Sumsel, progress OKU per 12 September 2022, peringkat Sumsel, grafik Sumsel.",
        "Examples: progress OKU, progress 16.01, progress Sumsel, progress OKU per 12 September 2022, peringkat Sumsel, grafik Sumsel.");

    public async Task<ProgressAnswer> AnswerAsync(ProgressRequest request, string language, CancellationToken ct)
    {
        if (request.RegionText.Length == 0)
        {
            return new ProgressAnswer(new OutboundMessage(new UserText(
                "Wilayah mana yang ingin Anda lihat? Tulis nama atau kodenya.",
                "Which region would you like to see? Write its name or code.").Append(Examples).In(language)), ProgressOutcome.MissingRegion);
        }

        DateOnly? asOf = null;
        if (request.DateText is { } dateText)
        {
            var date = DateParser.Parse(dateText);
            if (!date.Ok)
            {
                return new ProgressAnswer(new OutboundMessage(date.Error!.In(language)), ProgressOutcome.BadDate);
            }

            asOf = date.Value;
        }

        switch (resolver.Resolve(request.RegionText))
        {
            case RegionResolution.Found(var region):
                return await ForRegionAsync(request.Kind, region, asOf, language, ct);
            case RegionResolution.Ambiguous(var candidates):
                return new ProgressAnswer(new OutboundMessage(new UserText(
                    $"Ada beberapa wilayah untuk \"{request.RegionText}\". Yang mana?",
                    $"Several regions match \"{request.RegionText}\". Which one?").In(language))
                {
                    Options = [.. candidates.Select(c => new ReplyOption(Label(c, candidates), ProgressRequest.CommandText(request.Kind, c.Code, asOf)))],
                }, ProgressOutcome.Ambiguous);
            default:
                return new ProgressAnswer(new OutboundMessage(new UserText(
                    $"Maaf, wilayah \"{request.RegionText}\" tidak saya kenal. Tulis nama kabupaten/kota atau provinsi, singkatannya, atau kodenya.",
                    $"Sorry, I don't know the region \"{request.RegionText}\". Write the name of a regency/city or province, its short form, or its code.")
                    .Append(Examples).In(language)), ProgressOutcome.UnknownRegion);
        }
    }

    private async Task<ProgressAnswer> ForRegionAsync(ProgressKind kind, Region region, DateOnly? asOf, string language, CancellationToken ct)
    {
        if (asOf is { } day && day > progress.MomentFor(region, null).Day)
        {
            return new ProgressAnswer(new OutboundMessage(new UserText(
                $"Tanggal {DateParser.Format(day)} belum tiba. Tulis tanpa \"per\" untuk angka terbaru.",
                $"{ProgressFormatter.Date(day, en: true)} has not come yet. Leave out \"per\" for the latest figures.").In(language)), ProgressOutcome.BadDate, region);
        }

        if (kind == ProgressKind.Progress)
        {
            var figures = await progress.ForRegionAsync(region, asOf, ct);
            return new ProgressAnswer(new OutboundMessage(ProgressFormatter.Format(figures, language)), ProgressOutcome.Answered, region);
        }

        var ranking = await progress.RankingAsync(region, asOf, ct);
        var text = ProgressFormatter.FormatRanking(ranking, language);
        if (kind == ProgressKind.Ranking || ranking.Entries.Count == 0)
        {
            return new ProgressAnswer(new OutboundMessage(text), ProgressOutcome.Answered, ranking.Parent);
        }

        var png = ProgressChart.Render(ranking, language);
        var name = $"grafik-{(ranking.Parent.Code.Length == 0 ? "indonesia" : RegionCodes.Compact(ranking.Parent.Code))}.png";
        return new ProgressAnswer(new OutboundMessage(ProgressFormatter.ChartCaption(ranking, language))
        {
            Attachment = new Attachment(name, "image/png", png),
        }, ProgressOutcome.Answered, ranking.Parent);
    }

    // Namesakes (Kota and Kabupaten Bekasi, or the same name in two provinces) need their province to tell them apart.
    private string Label(Region region, IReadOnlyList<Region> all)
    {
        var sameName = all.Count(r => r.FullName == region.FullName) > 1;
        var province = catalog.ProvinceOf(region.Code);
        return sameName && province is not null && province.Code != region.Code ? $"{region.FullName} ({province.Name})" : region.FullName;
    }
}
