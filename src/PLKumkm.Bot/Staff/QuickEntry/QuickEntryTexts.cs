using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>What a quick entry's errors say, for any questionnaire: labels and examples come from its file.</summary>
internal sealed class QuickEntryTexts(Questionnaire questionnaire, QuickEntryKeys keys)
{
    public static readonly UserText Required = new("wajib diisi.", "is required.");

    public static readonly UserText NotAsked = new("tidak ditanyakan dalam pendataan ini.", "is not asked in this census.");

    public static readonly UserText LocationTwice = new("tulis Lokasi saja, atau Lat dan Lon, jangan keduanya.", "write either Lokasi, or Lat and Lon, not both.");

    public static readonly UserText LocationHalf = new(
        "Lat dan Lon harus diisi keduanya (atau satu baris, mis. Lokasi: -4.1291, 104.1668).",
        "both Lat and Lon are needed (or one line, e.g. Lokasi: -4.1291, 104.1668).");

    public static UserText NotTypeable(bool photo) => photo
        ? new UserText("foto belum bisa dikirim lewat entri cepat; gunakan /start untuk kuesioner lengkap.",
            "photos cannot be sent in a quick entry; use /start for the full questionnaire.")
        : new UserText("diisi otomatis oleh sistem, tidak perlu ditulis.", "is filled in by the system; leave it out.");

    public static UserText Twice(int first, int second) => new(
        $"ditulis dua kali (baris {N(first)} dan {N(second)}); tulis sekali saja.",
        $"is written twice (lines {N(first)} and {N(second)}); write it once.");

    /// <summary>"Nama (baris 3): …": the field's label, its line when known, then the reason.</summary>
    public UserText Labelled(string fieldId, int? line, UserText reason)
    {
        var label = keys.LabelOf(fieldId);
        return line is { } n
            ? new UserText($"{label} (baris {N(n)}): ", $"{label} (line {N(n)}): ").Append(reason, "")
            : new UserText($"{label}: ", $"{label}: ").Append(reason, "");
    }

    public UserText StrayLine(int line) => new(
        $"Baris {N(line)} tidak berbentuk \"Kunci: isi\" (mis. {ExampleLine}).",
        $"Line {N(line)} is not \"Key: value\" (e.g. {ExampleLine}).");

    public UserText UnknownKey(QuickEntryLine line, string? suggestion)
    {
        var shown = line.Key.Length > 30 ? line.Key[..30] + "…" : line.Key;
        var head = new UserText(
            $"Baris {N(line.Number)}: kunci \"{shown}\" tidak dikenal.",
            $"Line {N(line.Number)}: the key \"{shown}\" is not known.");
        return suggestion is null
            ? head.Append(new UserText(
                $"Kunci yang bisa dipakai: {string.Join(", ", keys.Labels)}.",
                $"Keys you can use: {string.Join(", ", keys.Labels)}."))
            : head.Append(new UserText($"Maksud Anda \"{suggestion}\"?", $"Did you mean \"{suggestion}\"?"));
    }

    /// <summary>The example of the questionnaire's first question that has one ("Nama: Siti Aminah").</summary>
    private string ExampleLine
    {
        get
        {
            var example = questionnaire.QuickEntry.Example;
            var first = questionnaire.Questions.Select(q => example.FirstOrDefault(e => e.Key == q.Id)).FirstOrDefault(e => e.Key is not null);
            return first.Key is null ? $"{keys.Labels.FirstOrDefault() ?? "Nama"}: …" : $"{keys.LabelOf(first.Key)}: {first.Value}";
        }
    }

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
