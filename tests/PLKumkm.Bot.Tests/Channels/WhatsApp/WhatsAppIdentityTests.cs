using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Staff.Users;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Tests.EndToEnd;
using PLKumkm.Bot.Tests.Fakes;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.Channels.WhatsApp;

/// <summary>
/// The trust issue's WhatsApp attack, with signed webhooks against the real host: a contact card proves nothing, only
/// the sender's own number does, and a proven phone is never replaced by a typed one.
/// </summary>
public sealed class WhatsAppIdentityTests
{
    private const string Attacker = "6285711112222";
    private const string Victim = "6281100000004";

    [Fact]
    public async Task A_contact_card_with_the_admins_number_grants_nothing_and_the_admin_signs_in_from_their_own_number()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var (_, error) = await scope.ServiceProvider.GetRequiredService<StaffRegistry>()
                .AddAsync(new StaffEntry("+62 811-0000-0004", "admin", "", "Admin Pusat"), CancellationToken.None);
            Assert.Null(error);
        }

        // The card's wa_id is the attacker's own account, its phone text the admin's number.
        var card = WhatsAppBotSession.Text(await bot.SendAsync(W.Contacts(Attacker, "+62 811-0000-0004", Attacker), Attacker));
        var petugas = WhatsAppBotSession.Text(await bot.SendAsync(W.Text(Attacker, "/petugas"), Attacker));
        var export = WhatsAppBotSession.Text(await bot.SendAsync(W.Text(Attacker, "/ekspor"), Attacker));

        Assert.DoesNotContain("Admin Pusat", card + petugas + export, StringComparison.Ordinal);
        Assert.DoesNotContain("admin di", card + petugas, StringComparison.Ordinal);
        Assert.StartsWith("Maaf, ekspor data hanya untuk", export, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Fake.SentTo(Attacker), m => m.Type is "document");

        // The admin writes from the registered number itself: recognised at once, no card needed.
        var welcome = WhatsAppBotSession.Text(await bot.SendAsync(W.Text(Victim, "/petugas"), Victim));
        Assert.StartsWith("Halo Admin Pusat, Anda terdaftar sebagai admin", welcome, StringComparison.Ordinal);

        await using var ctx = db.Open();
        var attacker = await ctx.PersonAddresses.Where(a => a.Address == "whatsapp:" + Attacker).Select(a => a.Person!).SingleAsync();
        Assert.Equal(("+" + Attacker, PersonRole.Owner), (attacker.Phone, attacker.Role));
        var admin = await ctx.People.SingleAsync(p => p.Role == PersonRole.Admin);
        Assert.Equal("+" + Victim, admin.Phone);
        Assert.Equal(["whatsapp:" + Victim], await ctx.PersonAddresses.Where(a => a.PersonId == admin.Id).Select(a => a.Address).ToListAsync());
    }

    [Fact]
    public async Task A_new_account_that_unlocks_a_staff_role_is_announced_to_the_staff_members_other_accounts()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        long coordinatorId;
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var (saved, error) = await scope.ServiceProvider.GetRequiredService<StaffRegistry>()
                .AddAsync(new StaffEntry("0811 0000 0004", "coordinator", "16.01", "Bu Koordinator"), CancellationToken.None);
            Assert.Null(error);
            coordinatorId = saved!.Person.Id;
        }

        await using (var ctx = db.Open())
        {
            // The coordinator already uses the bot on Telegram (signed in there with their own contact).
            ctx.PersonAddresses.Add(new PersonAddress { Address = "telegram:5550001", PersonId = coordinatorId, CreatedAt = DateTimeOffset.UtcNow });
            await ctx.SaveChangesAsync();
        }

        await bot.SendAsync(W.Text(Victim, "/petugas"), Victim);

        await using var check = db.Open();
        var notice = await check.Outbox.Where(o => o.Address == "telegram:5550001").Select(o => o.PayloadJson).SingleAsync();
        Assert.Contains("akun WhatsApp baru kini masuk sebagai petugas dengan nomor HP Anda", notice, StringComparison.Ordinal);
    }
}
