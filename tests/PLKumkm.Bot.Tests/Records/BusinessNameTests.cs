using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Tests.Records;

public sealed class BusinessNameTests
{
    [Theory]
    [InlineData("Warung Bu Siti", "warung bu siti")]
    [InlineData("  WR. BU  SITI ", "warung bu siti")]
    [InlineData("Rm.Padang\tSederhana", "rumah makan padang sederhana")]
    [InlineData("Toko\u0001Jaya", "tokojaya")]
    [InlineData("Kedai Kopi Café", "kedai kopi cafe")]
    public void Folds_case_spacing_punctuation_and_prefixes(string name, string expected) =>
        Assert.Equal(expected, BusinessName.Normalize(name));

    [Fact]
    public void The_ASCII_shortcut_gives_the_general_result()
    {
        var random = new Random(7);
        const string alphabet = "abcXYZ019 .,-/&'\t\n\u0001\u001f\u007fwrtkrmbubpk";
        for (var i = 0; i < 5_000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(0, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(BusinessName.NormalizeAnyText(name), BusinessName.Normalize(name));
        }

        foreach (var name in new[] { "Wr Bu Sari 2", "TK. bpk budi", "rm ibu", "KD.", "" })
        {
            Assert.Equal(BusinessName.NormalizeAnyText(name), BusinessName.Normalize(name));
        }
    }
}
