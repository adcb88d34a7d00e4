using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// Open conversations without sending their first messages through Telegram: the real engine runs /start, the
/// consent, the name and the NIK for each person, and the resulting people, consents and sessions are stored the
/// way the bot stores them. Much faster than 400,000 updates, and the rows are the same.
/// </summary>
internal static class SessionSeeder
{
    private const int Chunk = 5_000;

    public static async Task SeedAsync(string databasePath, long firstChat, int count, CancellationToken ct)
    {
        using var host = BotHost.Build(HostMode.Tool, [$"--ConnectionStrings:Bot=Data Source={databasePath}", "--Logging:LogLevel:Default=Warning"]);
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct).ConfigureAwait(false);
        var engine = host.Services.GetRequiredService<ConversationEngine>();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < count; start += Chunk)
        {
            var scope = host.Services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
                db.ChangeTracker.AutoDetectChangesEnabled = false;
                var opened = new List<(Person Person, SessionState State, string Notice, string Address)>();
                for (var i = start; i < Math.Min(count, start + Chunk); i++)
                {
                    var chat = firstChat + i;
                    var address = ChannelAddress.Of("telegram", chat.ToString(CultureInfo.InvariantCulture));
                    var state = engine.Start(StartHandler.DefaultQuestionnaire, "id", consentAlreadyGiven: false).Session;
                    string? notice = null;
                    foreach (InboundContent input in new InboundContent[] { new ChoiceInput("_consent=ya"), new TextInput("Siti Aminah"), new TextInput(Scripts.Nik(chat)) })
                    {
                        var result = engine.Handle(state, input);
                        state = result.Session;
                        notice ??= result.Events.OfType<ConsentGiven>().FirstOrDefault()?.NoticeVersion;
                    }

                    var person = new Person { Name = "Tester", CreatedAt = now, LastSeenAt = now };
                    person.Addresses.Add(new PersonAddress { Address = address, CreatedAt = now });
                    db.People.Add(person);
                    opened.Add((person, state, notice ?? throw new InvalidOperationException("the consent was not recorded"), address));
                }

                var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    foreach (var (person, state, notice, _) in opened)
                    {
                        db.Consents.Add(new Consent { PersonId = person.Id, NoticeVersion = notice, GivenAt = now });
                        db.Sessions.Add(SessionStore.New(person.Id, state));
                    }

                    await db.SaveChangesAsync(ct).ConfigureAwait(false);
                    await transaction.CommitAsync(ct).ConfigureAwait(false);
                }
            }
        }
    }
}
