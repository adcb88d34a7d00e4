using System.CommandLine;
using PLKumkm.Bot.Records.Import;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>records import FILE.csv</c>: bulk load (see <see cref="RecordsImport"/>).</summary>
internal static class RecordsImportVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV whose header row holds UMKM or koperasi field ids" };
        var encoding = EncodingOption.Create();
        var import = new Command("import", "Bulk load records (invalid rows reported by line; re-running the same file adds nothing)") { file, encoding };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => VerbRunner.RunAsync(result,
            (services, output, token) => RecordsImport.RunAsync(services, result.GetValue(file)!, EncodingOption.Read(result, encoding), output, token), ct));
        return import;
    }
}
