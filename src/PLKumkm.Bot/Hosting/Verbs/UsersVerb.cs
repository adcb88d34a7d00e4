using System.CommandLine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Staff.Users;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary>
/// <c>users add --phone P --role R --region CODE --name N</c> and <c>users import FILE.csv</c>: pre-register
/// staff by phone (see Staff/Users). They are recognised when they share that number in the chat.
/// </summary>
internal static class UsersVerb
{
    public static Command Create() =>
        new("users", "Staff (enumerators, coordinators, officials, admins), pre-registered by phone") { Add(), Import() };

    private static Command Add()
    {
        var phone = new Option<string?>("--phone") { Description = "Mobile number: 08…, 628… or +62 8…" };
        var role = new Option<string?>("--role") { Description = "enumerator, coordinator, official or admin" };
        var region = new Option<string?>("--region") { Description = "Region code: a regency (16.01) for enumerators and coordinators" };
        var name = new Option<string?>("--name") { Description = "Full name, used to greet them" };
        var command = new Command("add", "Pre-register (or update) a person by phone") { phone, role, region, name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, async (services, output, token) =>
        {
            var entry = new StaffEntry(result.GetValue(phone), result.GetValue(role), result.GetValue(region), result.GetValue(name));
            var (saved, error) = await services.GetRequiredService<StaffRegistry>().AddAsync(entry, token);
            if (saved is null)
            {
                throw new VerbException(error!);
            }

            var person = saved.Person;
            await output.WriteLineAsync(FormattableString.Invariant(
                $"{(saved.Created ? "added" : "updated")} {person.Role.ToString().ToLowerInvariant()} '{person.Name}' (person {person.Id}), region '{person.RegionCode}'"));
        }, ct));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV with columns phone,role,region_code,name" };
        var encoding = EncodingOption.Create();
        var command = new Command("import", "Pre-register many people from a CSV file") { file, encoding };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, async (services, output, token) =>
        {
            var source = result.GetValue(file)!;
            if (!source.Exists)
            {
                throw new VerbException($"file not found: {source.FullName}");
            }

            using var csv = CsvSource.Open(source.FullName, EncodingOption.Read(result, encoding));
            var imported = await services.GetRequiredService<StaffImport>().ImportAsync(csv, token);
            // As targets and records import: a partly valid file is a success, its bad rows reported by line;
            // a failure is a file that gives nothing at all.
            foreach (var problem in imported.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }

            await output.WriteLineAsync(FormattableString.Invariant(
                $"imported {imported.Imported} ({imported.Created} new, {imported.Updated} updated), {imported.Problems.Count} rejected"));
            if (imported.Imported == 0)
            {
                throw new VerbException(imported.Problems.Count == 0
                    ? $"{source.FullName} has no rows under its header"
                    : FormattableString.Invariant($"no valid row in {source.FullName} ({imported.Problems.Count} rejected; first: {imported.Problems[0]})"));
            }
        }, ct));
        return command;
    }
}
