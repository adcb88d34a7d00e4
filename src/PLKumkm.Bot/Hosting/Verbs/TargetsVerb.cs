using System.CommandLine;
using PLKumkm.Bot.Progress.Targets;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>targets import FILE.csv</c>: campaign targets per province or regency (see <see cref="TargetsImporter"/>).</summary>
internal static class TargetsVerb
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV with region_code,target,enumerators,coordinators,start,end" };
        var encoding = EncodingOption.Create();
        var import = new Command("import", "Load campaign targets (a region in the file replaces its earlier target)") { file, encoding };
        import.TreatUnmatchedTokensAsErrors = false;
        import.SetAction((result, ct) => VerbRunner.RunAsync(result,
            (services, output, token) => TargetsImport.RunAsync(services, result.GetValue(file)!, EncodingOption.Read(result, encoding), output, token), ct));
        return new Command("targets", "Campaign targets") { import };
    }
}
