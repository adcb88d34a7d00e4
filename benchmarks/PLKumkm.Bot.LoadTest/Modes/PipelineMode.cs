using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.LoadTest.Simulation;
using PLKumkm.Bot.LoadTest.Targets;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.LoadTest.Modes;

/// <summary>
/// The bot's own cost per update without any network: batches of owner-script updates from different users go
/// straight into the inbound processor (storage, engine, outbox), replies to a sender that drops them. Shows what
/// the pipeline itself costs, separately from HTTP, the fake API and the thread pool.
/// </summary>
internal static class PipelineMode
{
    private const int BatchSize = 100;

    public static async Task RunAsync(LoadOptions o, CancellationToken ct)
    {
        Console.WriteLine();
        Console.WriteLine($"== pipeline: {o.Users:N0} owners, batches of {BatchSize}{(o.OneByOne ? " processed one update at a time" : "")}, no network ({o.Duration:0} s)");
        using var workspace = new Workspace { Keep = o.Keep };
        using var host = BotHost.Build(HostMode.Tool,
            [$"--ConnectionStrings:Bot=Data Source={workspace.DatabasePath}", "--Logging:LogLevel:Default=Warning"],
            builder =>
            {
                builder.Services.AddSingleton<IChannelSender, DroppingSender>();
                // No network here: the script's photo is "downloaded" from memory, stored as the bot stores any.
                builder.Services.AddSingleton<IMediaFetcher, MemoryPhotoFetcher>();
            });
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct).ConfigureAwait(false);
        var users = Enumerable.Range(0, o.Users).Select(i => new SimUser(LoadMode.FirstChat + i, UserKind.Owner)).ToArray();
        foreach (var user in users)
        {
            user.Script = Scripts.Owner(user.Chat, 0);
        }

        var updateId = 1;
        var next = 0;
        async Task<int> RunBatchAsync()
        {
            var batch = new List<InboundMessage>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                var user = users[next++ % users.Length];
                var step = user.Script[user.StepIndex];
                if (++user.StepIndex == user.Script.Count)
                {
                    user.Registrations++;
                    user.StepIndex = 0;
                    user.Script = Scripts.Owner(user.Chat, user.Registrations);
                }

                var id = updateId++;
                batch.Add(new InboundMessage("telegram", user.Chat.ToString(CultureInfo.InvariantCulture), $"telegram:{id}",
                    DateTimeOffset.UtcNow, step.Content, "Tester"));
            }

            var scope = host.Services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var processor = scope.ServiceProvider.GetRequiredService<IInboundProcessor>();
                if (o.OneByOne || processor is not IInboundBatchProcessor together)
                {
                    foreach (var message in batch)
                    {
                        await processor.ProcessAsync(message, ct).ConfigureAwait(false);
                    }

                    return 0;
                }

                var failures = await together.ProcessBatchAsync(batch, ct).ConfigureAwait(false);
                return failures.Count;
            }
        }

        if (o.PerStep)
        {
            // Every user at the same step: what each question costs. The script is taken once: a user who finishes gets
            // the next registration's script, which the last step's line must not read.
            var script = users[0].Script;
            for (var step = 0; step < script.Count; step++)
            {
                var stepCpu = Process.GetCurrentProcess().TotalProcessorTime;
                var stepAlloc = GC.GetTotalAllocatedBytes();
                for (var b = 0; b < users.Length / BatchSize; b++)
                {
                    await RunBatchAsync().ConfigureAwait(false);
                }

                Console.WriteLine(FormattableString.Invariant(
                    $"  step {step,2} {script[step],-45}: {(Process.GetCurrentProcess().TotalProcessorTime - stepCpu).TotalMilliseconds * 1000 / users.Length,6:0} µs CPU, {(GC.GetTotalAllocatedBytes() - stepAlloc) / users.Length / 1024.0,6:0.0} KB"));
            }
        }

        var warmup = Stopwatch.StartNew();
        while (warmup.Elapsed.TotalSeconds < o.Warmup)
        {
            await RunBatchAsync().ConfigureAwait(false);
        }

        var failed = 0;
        var processed = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes();
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < o.Duration)
        {
            failed += await RunBatchAsync().ConfigureAwait(false);
            processed += BatchSize;
        }

        var elapsed = clock.Elapsed;
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        allocated = GC.GetTotalAllocatedBytes() - allocated;
        Console.WriteLine(FormattableString.Invariant(
            $"  {processed / elapsed.TotalSeconds:N0} updates/s; per update {elapsed.TotalMilliseconds * 1000 / processed:0} µs wall, {cpu.TotalMilliseconds * 1000 / processed:0} µs CPU, {allocated / processed / 1024.0:0.0} KB allocated; {failed} failed"));
        Console.WriteLine(FormattableString.Invariant(
            $"  GCs: gen0 {GC.CollectionCount(0) - gcs.Item1}, gen1 {GC.CollectionCount(1) - gcs.Item2}, gen2 {GC.CollectionCount(2) - gcs.Item3}; heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024} MB, gen0 budget? {GC.GetGCMemoryInfo().GenerationInfo[0].SizeAfterBytes / 1024} KB"));
    }

    private sealed class DroppingSender : IChannelSender
    {
        public string Channel => "telegram";

        public Task SendAsync(string chatId, OutboundMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task ShowTypingAsync(string chatId, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>Serves every Telegram file id as a small JPEG of its own, as the fake Bot API does.</summary>
internal sealed class MemoryPhotoFetcher : IMediaFetcher
{
    public string Channel => "telegram";

    public Task<StoredMedia> FetchAsync(PhotoInput photo, MediaStore store, CancellationToken ct) =>
        store.SaveAsync((target, token) => target.WriteAsync(PLKumkm.Bot.Tests.Fakes.FakeMedia.Jpeg(photo.FileRef), token).AsTask(), ct);
}
