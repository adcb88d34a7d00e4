using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff.Users;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff;

/// <summary>
/// The real host (storage, pipeline, every handler) fed directly through <see cref="IInboundProcessor"/>
/// on a "test" channel, with a clock the test moves: fast enough for many authorization cases.
/// </summary>
internal sealed class StaffChat : IAsyncDisposable
{
    /// <summary>Monday 12 September 2022, 10:00 WIB.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2022, 9, 12, 3, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly CapturingSender _sender = new();
    private int _updates;

    private StaffChat(TestDatabase db, FakeTimeProvider clock, string[] settings)
    {
        Db = db;
        Clock = clock;
        _host = BotHost.Build(HostMode.Tool, [db.ConfigArg, .. settings], b =>
        {
            b.Services.AddSingleton<TimeProvider>(clock);
            b.Services.AddSingleton<IChannelSender>(_sender);
            // One catalog for every test host: loading 83,763 villages per test only costs time.
            b.Services.AddSingleton(RegionCatalog.Shared);
        });
    }

    public TestDatabase Db { get; }
    public FakeTimeProvider Clock { get; }

    /// <summary>The host's services (for what runs beside the chats: the digest sender, the outbox).</summary>
    public IServiceProvider Services => _host.Services;

    /// <param name="settings">More command-line settings (<c>--Conversations:Directory=…</c>).</param>
    public static async Task<StaffChat> StartAsync(DateTimeOffset? now = null, params string[] settings)
    {
        var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);
        var chat = new StaffChat(db, new FakeTimeProvider(now ?? DefaultNow), settings);
        await chat._host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
        return chat;
    }

    public Task<IReadOnlyList<OutboundMessage>> SayAsync(string user, string text) => SendAsync(user, new TextInput(text));

    public Task<IReadOnlyList<OutboundMessage>> PressAsync(string user, string value) => SendAsync(user, new ChoiceInput(value));

    public Task<IReadOnlyList<OutboundMessage>> ShareContactAsync(string user, string phone, bool own = true) =>
        SendAsync(user, new ContactInput(phone, own));

    public async Task<IReadOnlyList<OutboundMessage>> SendAsync(string user, InboundContent content)
    {
        var key = $"test:{Interlocked.Increment(ref _updates)}";
        await using var scope = _host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInboundProcessor>()
            .ProcessAsync(new InboundMessage("test", user, key, Clock.GetUtcNow(), content, "Tester"), CancellationToken.None);
        return _sender.Take(user);
    }

    /// <summary>Pre-registers staff exactly as <c>users add</c> does.</summary>
    public async Task<Person> AddStaffAsync(string phone, string role, string region, string name)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var (saved, error) = await scope.ServiceProvider.GetRequiredService<StaffRegistry>()
            .AddAsync(new StaffEntry(phone, role, region, name), CancellationToken.None);
        return saved?.Person ?? throw new InvalidOperationException(error);
    }

    /// <summary>Pre-registers staff and links them to chat <paramref name="user"/> by their own contact.</summary>
    public async Task<IReadOnlyList<OutboundMessage>> OnboardAsync(string user, string phone, string role, string region, string name)
    {
        await AddStaffAsync(phone, role, region, name);
        return await ShareContactAsync(user, phone);
    }

    /// <summary>What reached <paramref name="user"/>'s chat since last taken (notices from others' updates).</summary>
    public IReadOnlyList<OutboundMessage> Received(string user) => _sender.Take(user);

    public static string Text(IReadOnlyList<OutboundMessage> messages) => string.Join("\n", messages.Select(m => m.Text));

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Task.CompletedTask;
        Db.Dispose();
    }

    private sealed class CapturingSender : IChannelSender
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<OutboundMessage>> _sent = new();

        public string Channel => "test";

        public Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken)
        {
            _sent.GetOrAdd(chatId, _ => new ConcurrentQueue<OutboundMessage>()).Enqueue(message);
            return Task.CompletedTask;
        }

        public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;

        public IReadOnlyList<OutboundMessage> Take(string chatId)
        {
            var taken = new List<OutboundMessage>();
            if (_sent.TryGetValue(chatId, out var queue))
            {
                while (queue.TryDequeue(out var message))
                {
                    taken.Add(message);
                }
            }

            return taken;
        }
    }
}
