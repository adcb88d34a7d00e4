using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>The ASCII shortcut the import relies on must fold exactly as the general path does.</summary>
public sealed class BusinessNameShortcutTests
{
    [Fact]
    public void The_ASCII_shortcut_gives_the_general_result()
    {
        var random = new Random(7);
        const string alphabet = "abcXYZ019 .,-/&'`\t\n\u0001\u001f\u007fwrtkrmbubpkiudv";
        for (var i = 0; i < 20_000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(BusinessName.NormalizeAnyText(name), BusinessName.Normalize(name));
        }

        foreach (var name in new[] { "Wr Bu Sari 2", "TK. bpk budi", "rm ibu", "KD.", "", "U.D. Maju & Jaya", "Syari'ah", "Warung Bu Sari II", "K S P Sejahtera", "Toko\u0001Jaya" })
        {
            Assert.Equal(BusinessName.NormalizeAnyText(name), BusinessName.Normalize(name));
        }
    }
}
