using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Users;

/// <summary>One staff member as an admin writes them (<c>users add</c> options or a <c>users import</c> row).</summary>
internal sealed record StaffEntry(string? Phone, string? Role, string? Region, string? Name);

/// <summary>A checked entry: E.164 phone, a known role, an existing region (canonical code), a name.</summary>
internal sealed record StaffMember(string Phone, PersonRole Role, Region Region, string Name);

internal sealed record StaffSaved(Person Person, bool Created);

/// <summary>
/// Pre-registers staff by phone number (<c>users add</c>, <c>users import</c>). The person has no chat
/// address yet: it is attached when they share their own number in the chat (onboarding).
/// </summary>
internal sealed class StaffRegistry(BotDbContext db, RegionCatalog regions, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>Checks an entry; the error is one English line for the admin's terminal.</summary>
    public static (StaffMember? Member, string? Error) Check(StaffEntry entry, RegionCatalog regions)
    {
        if (string.IsNullOrWhiteSpace(entry.Phone))
        {
            return (null, "phone is missing");
        }

        var phone = PhoneParser.Parse(entry.Phone);
        if (!phone.Ok)
        {
            return (null, $"phone: {phone.Error!.En}");
        }

        var roleText = entry.Role?.Trim() ?? "";
        if (!RolePolicy.RoleNames.TryGetValue(roleText, out var role))
        {
            return (null, roleText.Length == 0
                ? $"role is missing (one of {string.Join(", ", RolePolicy.RoleNames.Keys)})"
                : $"unknown role '{roleText}' (one of {string.Join(", ", RolePolicy.RoleNames.Keys)})");
        }

        var regionText = entry.Region?.Trim() ?? "";
        var region = regionText.Length == 0 && role is PersonRole.Official or PersonRole.Admin
            ? RegionCatalog.Indonesia
            : regionText.Length == 0 ? null : regions.Find(regionText);
        if (region is null)
        {
            return (null, regionText.Length == 0 ? "region code is missing (e.g. 16.01)" : $"unknown region code '{regionText}'");
        }

        if (RolePolicy.RegionProblem(role, region) is { } problem)
        {
            return (null, problem);
        }

        var name = InputText.Clean(entry.Name);
        if (name.Length == 0)
        {
            return (null, "name is missing");
        }

        if (name.Length > MaxNameLength)
        {
            return (null, $"name is longer than {MaxNameLength} characters");
        }

        return (new StaffMember(phone.Value!, role, region, name), null);
    }

    /// <summary>
    /// Creates the person, or updates the one already known by that phone (staff first, then the oldest):
    /// an owner who shared their number earlier becomes staff at once. The caller saves.
    /// </summary>
    public async Task<StaffSaved> UpsertAsync(StaffMember member, CancellationToken ct)
    {
        var phoneHash = db.Protection.Hash(member.Phone);
        var person = db.People.Local.FirstOrDefault(p => p.Phone == member.Phone)
            ?? await db.People.Where(p => p.PhoneHash == phoneHash)
                .OrderBy(p => p.Role == PersonRole.Owner).ThenBy(p => p.Id)
                .FirstOrDefaultAsync(ct);
        var created = person is null;
        if (person is null)
        {
            person = new Person { Phone = member.Phone, CreatedAt = clock.GetUtcNow() };
            db.People.Add(person);
        }

        person.Name = member.Name;
        person.Role = member.Role;
        person.RegionCode = member.Region.Code;
        return new StaffSaved(person, created);
    }

    /// <summary>Checks and saves one entry; nothing is stored when it is refused.</summary>
    public async Task<(StaffSaved? Saved, string? Error)> AddAsync(StaffEntry entry, CancellationToken ct)
    {
        var (member, error) = Check(entry, regions);
        if (member is null)
        {
            return (null, error);
        }

        var saved = await UpsertAsync(member, ct);
        await db.SaveChangesAsync(ct);
        return (saved, null);
    }
}
