using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Storage.Entities;
using static PLKumkm.Bot.Tests.EndToEnd.WhatsAppBotSession;
using W = PLKumkm.Bot.Tests.Fakes.FakeWhatsAppWebhooks;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 15, item 5: WhatsApp senders as Meta now sends them. Someone who uses a username comes without a number and
/// is a person by their business-scoped user id; someone who changes their number keeps their half-filled form.
/// </summary>
public sealed class WhatsAppIdentityEndToEndTests
{
    private const string UserId = "ID.1502576394655843";
    private const string NewNumber = "6285712345678";

    private static async Task<IReadOnlyList<Fakes.SentWhatsApp>> FromUserIdAsync(WhatsAppBotSession bot, JsonObject message)
    {
        var before = bot.Fake.SentTo(UserId).Count;
        using var response = await bot.PostAsync(W.Body([W.WithoutPhone(message, UserId)]));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        await bot.WaitDrainedAsync();
        return bot.Fake.SentTo(UserId).Skip(before).ToList();
    }

    [Fact]
    public async Task A_sender_without_a_number_registers_by_user_id_typing_the_phone_and_cannot_sign_in_as_staff()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);

        // Answered, and the replies go to the user id ("recipient"), not to a number.
        var hello = await FromUserIdAsync(bot, W.Text(User, "Halo"));
        Assert.NotEmpty(hello);
        Assert.Contains("sebagai petugas", Text(await FromUserIdAsync(bot, W.Text(User, "/petugas"))), StringComparison.Ordinal);
        Assert.Contains("tidak menunjukkan nomor HP Anda", Text(await FromUserIdAsync(bot, W.Text(User, "/petugas"))), StringComparison.Ordinal);

        await FromUserIdAsync(bot, W.Text(User, "/daftar"));
        await FromUserIdAsync(bot, W.ButtonReply(User, "_consent=ya"));
        await FromUserIdAsync(bot, W.Text(User, "Siti Aminah"));
        await FromUserIdAsync(bot, W.Text(User, "1601 0745 0890 0001"));
        var phone = await FromUserIdAsync(bot, W.ButtonReply(User, "jenis_kelamin=P"));
        // No number is proven, so none is offered as one tap: it is asked.
        Assert.DoesNotContain(phone.SelectMany(m => m.Buttons), b => b.Id == "hp=own");
        Assert.Contains("nama usaha", Text(await FromUserIdAsync(bot, W.Text(User, "0812 3456 7890"))), StringComparison.OrdinalIgnoreCase);

        await using var ctx = db.Open();
        var person = await ctx.People.SingleAsync();
        Assert.Null(person.Phone);
        Assert.Equal("whatsapp:" + UserId, (await ctx.PersonAddresses.SingleAsync()).Address);
        var session = Bot.Conversations.Handling.SessionStore.Read(await ctx.Sessions.SingleAsync(s => s.IsActive));
        Assert.Equal("+6281234567890", session.Answers["hp"]);
        Assert.Empty(bot.Fake.SentTo(User));
    }

    [Fact]
    public async Task After_a_number_change_the_half_filled_registration_goes_on_from_the_new_number()
    {
        using var db = new TestDatabase();
        await using var bot = await WhatsAppBotSession.StartAsync(db);
        await bot.SayAsync("/daftar");
        await bot.PressAsync("_consent=ya");
        await bot.SayAsync("Siti Aminah");

        var changed = W.Message(User, null, "system", new JsonObject
        {
            ["body"] = $"User Siti changed from {User} to {NewNumber}", ["wa_id"] = NewNumber, ["type"] = "user_changed_number",
        });
        using (var response = await bot.PostAsync(W.Body([changed])))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        }

        await bot.WaitDrainedAsync();
        var sex = await bot.SendAsync(W.Text(NewNumber, "1601 0745 0890 0001"), NewNumber);

        // The form goes on at the question after the NIK: nothing already given is lost, nothing is asked again.
        Assert.True(sex.SelectMany(m => m.Buttons).Any(b => b.Id == "jenis_kelamin=P"), Text(sex) + " / to old: " + Text(bot.Fake.SentTo(User).TakeLast(2).ToList()));
        await using var ctx = db.Open();
        var person = await ctx.People.SingleAsync();
        Assert.Equal("+" + NewNumber, person.Phone);
        Assert.Equal(["whatsapp:" + NewNumber], await ctx.PersonAddresses.Select(a => a.Address).ToListAsync());
        var session = Bot.Conversations.Handling.SessionStore.Read(await ctx.Sessions.SingleAsync(s => s.IsActive));
        Assert.Equal(("Siti Aminah", "1601074508900001"), (session.Answers["nama_pemilik"], session.Answers["nik"]));
        Assert.Equal(1, await ctx.Consents.CountAsync(c => c.PersonId == person.Id));
    }
}
